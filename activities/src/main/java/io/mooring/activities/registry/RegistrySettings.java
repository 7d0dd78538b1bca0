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
 * @param defaultRegistry the registry host of images named without one (Tutum's {@code tutum/hello});
 *     Docker Hub when blank
 * @param allowedHosts the only registry hosts services created through the API may name; any host
 *     when empty. Mooring fetches from what a caller names, so a closed list keeps callers from
 *     making it reach other addresses.
 */
@ConfigurationProperties("mooring.registry")
public record RegistrySettings(
    Map<String, RegistryCredentials> credentials, Set<String> insecureHosts, String defaultRegistry,
    Set<String> allowedHosts) {

  public RegistrySettings {
    credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    insecureHosts = insecureHosts == null ? Set.of() : Set.copyOf(insecureHosts);
    defaultRegistry = defaultRegistry == null ? "" : defaultRegistry.strip();
    allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
  }

  /**
   * The repository with its registry host: as named when it has one, else on the default registry.
   * Empty when its host is not one callers may name.
   */
  public Optional<String> qualify(String repository) {
    ImageReference named = ImageReference.of(repository, "latest");
    boolean hasHost = repository.startsWith(named.registry() + "/");
    String qualified = hasHost || defaultRegistry.isEmpty() ? repository : defaultRegistry + "/" + repository;
    String host = ImageReference.of(qualified, "latest").registry();
    return allowedHosts.isEmpty() || allowedHosts.contains(host) ? Optional.of(qualified) : Optional.empty();
  }

  public Optional<RegistryCredentials> named(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(credentials.get(name));
  }
}
