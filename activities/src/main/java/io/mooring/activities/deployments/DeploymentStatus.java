package io.mooring.activities.deployments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Harmony's three deployment statuses, spelled as its API spells them. */
public enum DeploymentStatus {
  RUNNING,
  SUCCESSFUL,
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive, as Harmony's history filter is. */
  public static Optional<DeploymentStatus> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(text)).findFirst();
  }
}
