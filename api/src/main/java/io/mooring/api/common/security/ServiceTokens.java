package io.mooring.api.common.security;

import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.api.common.links.PublicLinks;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reader tokens of services with Tutum's {@code global} role. Each service has one, named
 * {@code service-<name>}, made when its first container starts and revoked when it terminates; an
 * admin who revokes it sooner cuts its containers off, and the next container started gets a new
 * one. A terminated service's access has ended for good: a container start that comes after gets
 * no token.
 *
 * <p>Each service's row is locked while its token is looked up or made, so two containers starting
 * side by side (or in two Mooring processes) make one token, and a revocation never races a start.
 *
 * <p>The address given is where a container reaches the API: {@code mooring.tutum.api-url} when
 * set, else the configured public address, else this machine by Docker's host name on the port
 * Mooring listens on (the public default, {@code localhost}, would be the container itself).
 */
@Component
class ServiceTokens implements ServiceApiAccess {

  /** Leaves room in a token name (64 characters) for {@code service-} and a {@code -N} suffix. */
  static final int MAX_BASE = 48;

  private final JdbcClient jdbc;
  private final PipelineTokens tokens;
  private final TransactionTemplate transaction;
  private final PublicLinks links;
  private final String apiUrl;
  private final String publicUrl;

  ServiceTokens(JdbcClient jdbc, PipelineTokens tokens, TransactionTemplate transaction, PublicLinks links,
      @Value("${mooring.tutum.api-url:}") String apiUrl, @Value("${mooring.public-url:}") String publicUrl) {
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.transaction = transaction;
    this.links = links;
    this.apiUrl = apiUrl.strip().replaceAll("/+$", "");
    this.publicUrl = publicUrl.strip();
  }

  /** The service's row as locked: its token, if it has had one, and whether its access ended. */
  private record Claim(String tokenName, String secret, boolean ended) {}

  @Override
  public Map<String, String> environment(String service) {
    String secret = transaction.execute(status -> secretOf(service));
    if (secret == null) {
      return Map.of();
    }
    String root = apiRoot();
    return Map.of(
        "TUTUM_AUTH", "Bearer " + secret,
        "TUTUM_REST_HOST", root,
        "TUTUM_BASE_URL", root + "/api/v1/");
  }

  /** The service's live secret, made when it has none; null once the service terminated. */
  private String secretOf(String service) {
    Claim claim = claim(service);
    if (claim.ended()) {
      return null;
    }
    if (claim.tokenName() != null && tokens.find(claim.tokenName()).filter(t -> !t.revoked()).isPresent()) {
      return claim.secret();
    }
    String base = "service-" + (service.length() > MAX_BASE ? service.substring(0, MAX_BASE) : service);
    PipelineTokens.Issued issued = tokens.create(tokens.freeName(base), Role.READER, "mooring")
        .orElseThrow(() -> new IllegalStateException("a token for " + service + " was named like it meanwhile"));
    jdbc.sql("UPDATE service_token SET token_name = :name, secret = :secret WHERE service = :service")
        .param("name", issued.token().name())
        .param("secret", issued.secret())
        .param("service", service)
        .update();
    return issued.secret();
  }

  @Override
  public void revoke(String service) {
    transaction.executeWithoutResult(status -> {
      Claim claim = claim(service);
      jdbc.sql("UPDATE service_token SET ended = TRUE WHERE service = :service").param("service", service).update();
      if (claim.tokenName() != null) {
        tokens.revoke(claim.tokenName());
      }
    });
  }

  /** The service's row, made if missing, locked until the transaction ends. */
  private Claim claim(String service) {
    jdbc.sql("INSERT INTO service_token (service) VALUES (:service) ON CONFLICT DO NOTHING")
        .param("service", service)
        .update();
    return jdbc.sql("SELECT token_name, secret, ended FROM service_token WHERE service = :service FOR UPDATE")
        .param("service", service)
        .query((rs, row) -> new Claim(rs.getString("token_name"), rs.getString("secret"), rs.getBoolean("ended")))
        .single();
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
