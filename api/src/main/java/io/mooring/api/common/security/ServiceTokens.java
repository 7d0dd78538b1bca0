package io.mooring.api.common.security;

import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.api.common.links.PublicLinks;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reader tokens of services with Tutum's {@code global} role. Each service has one, named
 * {@code service-<name>}, made when its first container starts and revoked when it terminates; an
 * admin who revokes it sooner cuts its containers off, and the next container started gets a new
 * one.
 *
 * <p>The address given is where a container reaches the API: {@code mooring.tutum.api-url} when
 * set, else the configured public address, else this machine by Docker's host name on the port
 * Mooring listens on (the public default, {@code localhost}, would be the container itself).
 */
@Component
class ServiceTokens implements ServiceApiAccess {

  private static final int MAX_BASE = 58;

  private final JdbcClient jdbc;
  private final PipelineTokens tokens;
  private final PublicLinks links;
  private final String apiUrl;
  private final String publicUrl;

  ServiceTokens(JdbcClient jdbc, PipelineTokens tokens, PublicLinks links,
      @Value("${mooring.tutum.api-url:}") String apiUrl, @Value("${mooring.public-url:}") String publicUrl) {
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.links = links;
    this.apiUrl = apiUrl.strip().replaceAll("/+$", "");
    this.publicUrl = publicUrl.strip();
  }

  @Override
  public Map<String, String> environment(String service) {
    String root = apiRoot();
    return Map.of(
        "TUTUM_AUTH", "Bearer " + secretOf(service),
        "TUTUM_REST_HOST", root,
        "TUTUM_BASE_URL", root + "/api/v1/");
  }

  /**
   * The service's live secret, made when it has none. Two containers of one service starting side
   * by side may both make one: the first stored wins, the other is revoked unused.
   */
  private String secretOf(String service) {
    Optional<String> live = live(service);
    if (live.isPresent()) {
      return live.get();
    }
    String base = "service-" + (service.length() > MAX_BASE ? service.substring(0, MAX_BASE) : service);
    Optional<PipelineTokens.Issued> made = tokens.create(tokens.freeName(base), Role.READER, "mooring");
    if (made.isEmpty()) {
      // Its name was taken meanwhile, most likely by a container of the same service.
      return live(service).orElseThrow(() -> new IllegalStateException("the token name for " + service
          + " was taken meanwhile; the start is retried"));
    }
    PipelineTokens.Issued issued = made.get();
    try {
      // A revoked token's row makes way; a live one, stored meanwhile, makes this insert fail.
      jdbc.sql("""
              DELETE FROM service_token WHERE service = :service
              AND token_name IN (SELECT name FROM api_token WHERE revoked_at IS NOT NULL)""")
          .param("service", service).update();
      jdbc.sql("INSERT INTO service_token (service, token_name, secret) VALUES (:service, :name, :secret)")
          .param("service", service)
          .param("name", issued.token().name())
          .param("secret", issued.secret())
          .update();
      return issued.secret();
    } catch (DuplicateKeyException madeMeanwhile) {
      tokens.revoke(issued.token().name());
      return live(service).orElseThrow(() -> madeMeanwhile);
    }
  }

  private Optional<String> live(String service) {
    return jdbc.sql("""
            SELECT s.secret FROM service_token s JOIN api_token t ON t.name = s.token_name
            WHERE s.service = :service AND t.revoked_at IS NULL""")
        .param("service", service)
        .query(String.class)
        .optional();
  }

  @Override
  public void revoke(String service) {
    jdbc.sql("SELECT token_name FROM service_token WHERE service = :service")
        .param("service", service)
        .query(String.class)
        .optional()
        .ifPresent(tokens::revoke);
  }

  private String apiRoot() {
    if (!apiUrl.isEmpty()) {
      return apiUrl;
    }
    String root = links.root();
    if (!publicUrl.isEmpty()) {
      return root;
    }
    URI local = URI.create(root);
    return local.getScheme() + "://" + HOST_ALIAS + ":" + local.getPort();
  }
}
