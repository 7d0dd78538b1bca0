package io.mooring.api.common.links;

import io.mooring.workflows.deployment.DeploymentLinks;
import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The absolute links Mooring hands out and stores, rooted at its configured public address
 * ({@code mooring.public-url}), by default the address it listens on. Never at the caller's
 * {@code Host} header: a link built from it would let any caller plant another host into records
 * that others follow.
 */
@Component
public class PublicLinks implements DeploymentLinks {

  private final String configured;
  private final Environment environment;

  PublicLinks(@Value("${mooring.public-url:}") String configured, Environment environment) {
    this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    if (!this.configured.isEmpty()) {
      URI uri = URI.create(this.configured);
      if (uri.getScheme() == null || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalStateException("mooring.public-url must be an absolute http(s) URL such as"
            + " https://mooring.example.org, not '" + configured + "'");
      }
    }
    this.environment = environment;
  }

  /** {@code https://mooring.example.org}, without a trailing slash. */
  public String root() {
    if (!configured.isEmpty()) {
      return configured;
    }
    String address = environment.getProperty("server.address", "");
    String host = address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") ? "localhost"
        : address.contains(":") ? "[" + address + "]" : address;
    return "http://" + host + ":" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
  }

  /** A builder rooted at the public address, for links with a path and a query. */
  public UriComponentsBuilder at(String path) {
    return UriComponentsBuilder.fromUriString(root()).path(path);
  }

  @Override
  public String deploymentStatus(UUID deploymentId) {
    return root() + "/service-deployment/" + deploymentId;
  }

  @Override
  public String deploymentLogs(UUID deploymentId) {
    return root() + "/deployment-logs/" + deploymentId;
  }

  public String resourceMetadata() {
    return root() + "/.well-known/oauth-protected-resource";
  }
}
