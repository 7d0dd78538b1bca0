package io.mooring.activities.registry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Mooring reaches registries.
 *
 * @param credentials named credentials, e.g. {@code mooring.registry.credentials.local-auth.username};
 *     a service names the credentials it needs, and the secrets stay in configuration (environment
 *     variables in practice), never in workflow histories
 * @param insecureHosts registries spoken to over plain HTTP besides the loopback ones
 */
@ConfigurationProperties("mooring.registry")
public record RegistrySettings(Map<String, RegistryCredentials> credentials, Set<String> insecureHosts) {

  public RegistrySettings {
    credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    insecureHosts = insecureHosts == null ? Set.of() : Set.copyOf(insecureHosts);
  }

  public Optional<RegistryCredentials> named(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(credentials.get(name));
  }
}
