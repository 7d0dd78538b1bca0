package io.mooring.api.common.security;

import io.mooring.api.common.settings.MooringSettings;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no live admin token exists) creates an admin pipeline token, prints it once
 * and writes it to {@code admin-token} in the data directory, readable by its owner only. There is
 * no default password or well-known token: without this file nobody can call the API. Mooring
 * refuses to revoke the last admin token; a database where none is live (locked out before that
 * rule, or by hand) gets a new one at the next start, named {@code bootstrap-admin-2} and so on.
 */
@Component
@Order(-1)
class BootstrapAdminToken implements ApplicationRunner {

  static final String NAME = "bootstrap-admin";
  static final String FILE = "admin-token";
  private static final Logger log = LoggerFactory.getLogger(BootstrapAdminToken.class);

  private final PipelineTokens tokens;
  private final SecuritySettings security;
  private final MooringSettings mooring;

  BootstrapAdminToken(PipelineTokens tokens, SecuritySettings security, MooringSettings mooring) {
    this.tokens = tokens;
    this.security = security;
    this.mooring = mooring;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!security.bootstrapToken() || tokens.anyLiveAdmin()) {
      return;
    }
    String name = tokens.freeName(NAME);
    var issued = tokens.create(name, Role.ADMIN, "mooring").orElse(null);
    if (issued == null) {
      return; // another instance created it at the same moment
    }
    Path file = Path.of(mooring.dataDir() == null ? "." : mooring.dataDir()).resolve(FILE).toAbsolutePath();
    Files.createDirectories(file.getParent());
    try {
      Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
          issued.secret() + "\n");
    } catch (FileAlreadyExistsException stale) {
      // Left from an earlier database: replace it, keeping it private.
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(file, issued.secret() + "\n");
    }
    log.warn("Created the first admin token '{}' and wrote it to {} (readable by its owner only). "
        + "This is the only time it is shown: {}", name, file, issued.secret());
  }
}
