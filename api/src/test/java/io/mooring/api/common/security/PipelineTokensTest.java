package io.mooring.api.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.common.security.PipelineTokens.Revocation;
import io.mooring.api.common.settings.MooringSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The token store's rules that keep admins from locking themselves out, on a fresh database each. */
class PipelineTokensTest {

  @TempDir Path directory;
  private PipelineTokens tokens;

  @BeforeEach
  void freshStore() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("tokens") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    Flyway.configure().dataSource(dataSource).load().migrate();
    tokens = new PipelineTokens(JdbcClient.create(dataSource), Clock.systemUTC(),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
  }

  @Test
  void refusesToRevokeTheLastLiveAdminToken() {
    tokens.create("only-admin", Role.ADMIN, "test");
    tokens.create("ci", Role.DEPLOYER, "test");

    assertThat(tokens.revoke("only-admin")).isEqualTo(Revocation.LAST_ADMIN);
    assertThat(tokens.find("only-admin").orElseThrow().revokedAt()).isNull();
    assertThat(tokens.revoke("ci")).isEqualTo(Revocation.REVOKED);
  }

  @Test
  void revokesAnAdminTokenWhileAnotherAdminTokenLives() {
    tokens.create("first", Role.ADMIN, "test");
    tokens.create("second", Role.ADMIN, "test");

    assertThat(tokens.revoke("first")).isEqualTo(Revocation.REVOKED);
    assertThat(tokens.revoke("second")).isEqualTo(Revocation.LAST_ADMIN);
    assertThat(tokens.anyLiveAdmin()).isTrue();
  }

  @Test
  void twoAdminsRevokingEachOthersTokensAtOnceLeaveOneAlive() throws Exception {
    for (int round = 0; round < 10; round++) {
      String a = "a-" + round;
      String b = "b-" + round;
      tokens.create(a, Role.ADMIN, "test");
      tokens.create(b, Role.ADMIN, "test");
      // Every earlier round left one admin alive: revoke it, so exactly these two are live now.
      tokens.all().stream().filter(t -> t.role() == Role.ADMIN && t.revokedAt() == null)
          .filter(t -> !t.name().equals(a) && !t.name().equals(b)).forEach(t -> tokens.revoke(t.name()));

      CyclicBarrier together = new CyclicBarrier(2);
      var first = CompletableFuture.supplyAsync(() -> revokeAfter(together, a));
      var second = CompletableFuture.supplyAsync(() -> revokeAfter(together, b));

      assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(Revocation.REVOKED, Revocation.LAST_ADMIN);
      assertThat(tokens.anyLiveAdmin()).isTrue();
    }
  }

  @Test
  void tellsAMissingTokenFromARevokedOne() {
    tokens.create("gone", Role.DEPLOYER, "test");
    tokens.revoke("gone");
    assertThat(tokens.revoke("gone")).isEqualTo(Revocation.ALREADY_REVOKED);
    assertThat(tokens.revoke("never")).isEqualTo(Revocation.NOT_FOUND);
  }

  @Test
  void theBootstrapRunsAgainWhenNoAdminTokenIsLiveAndTakesAFreeName() throws Exception {
    tokens.create("bootstrap-admin", Role.ADMIN, "mooring");
    tokens.create("other-admin", Role.ADMIN, "test");
    tokens.revoke("bootstrap-admin");
    // A database locked out before the rule existed: no admin token works any more.
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("tokens") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    JdbcClient.create(dataSource).sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP").update();
    var settings = new SecuritySettings(null, null, null, null, false, false, true);

    new BootstrapAdminToken(tokens, settings, new MooringSettings(directory.toString(), null)).run(null);

    String secret = Files.readString(directory.resolve("admin-token")).strip();
    assertThat(tokens.authenticate(secret).orElseThrow().name()).isEqualTo("bootstrap-admin-2");
    assertThat(tokens.authenticate(secret).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void theBootstrapLeavesADatabaseWithALiveAdminAlone() throws Exception {
    tokens.create("someone", Role.ADMIN, "test");
    var settings = new SecuritySettings(null, null, null, null, false, false, true);

    new BootstrapAdminToken(tokens, settings, new MooringSettings(directory.toString(), null)).run(null);

    assertThat(directory.resolve("admin-token")).doesNotExist();
    assertThat(tokens.all()).hasSize(1);
  }

  private Revocation revokeAfter(CyclicBarrier together, String name) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return tokens.revoke(name);
  }
}
