package io.mooring.activities.registry;

import java.net.URI;
import java.util.Set;

/**
 * Which scheme each registry speaks. Like the Docker Engine, Mooring uses plain HTTP only for
 * loopback registries and for hosts explicitly listed as insecure.
 */
public record RegistryEndpoints(Set<String> insecureHosts) {

  public RegistryEndpoints {
    insecureHosts = insecureHosts == null ? Set.of() : Set.copyOf(insecureHosts);
  }

  public URI baseUri(String registry) {
    String host = registry.contains(":") ? registry.substring(0, registry.lastIndexOf(':')) : registry;
    boolean plain = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        || insecureHosts.contains(registry) || insecureHosts.contains(host);
    return URI.create((plain ? "http://" : "https://") + registry);
  }
}
