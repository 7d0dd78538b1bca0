package io.mooring.api;

/** Many one-replica services of the demo image, as services-file YAML, for tests that need a crowd. */
public final class ServiceFleet {
  private ServiceFleet() {}

  /**
   * Services {@code <prefix>-000} and on, each with its own ports from {@code basePort} on.
   *
   * @param healthPath the health path of each, or null for none
   */
  public static String yaml(String prefix, int count, String registry, int basePort, int portsEach, String healthPath) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < count; i++) {
      yaml.append("  - name: %s-%03d\n    repository: %s/demo/web\n    tag: 1.0.0\n    port: %d\n"
          .formatted(prefix, i, registry, basePort + i * portsEach));
      if (healthPath != null) {
        yaml.append("    health-path: ").append(healthPath).append('\n');
      }
    }
    return yaml.toString();
  }
}
