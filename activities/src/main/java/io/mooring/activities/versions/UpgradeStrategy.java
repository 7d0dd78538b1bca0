package io.mooring.activities.versions;

import java.util.Locale;
import java.util.Optional;

/** How far a service may move from the version it runs (Image-Watcher's strategies). */
public enum UpgradeStrategy {
  /** The highest release at or above the current version, whatever its major. */
  MAJOR,
  /** The highest release of the same major version. */
  MINOR,
  /** The highest release of the same major.minor version. */
  BUGFIX,
  /** The highest {@code -patch.N} of the very same version. */
  PATCH;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<UpgradeStrategy> parse(String text) {
    for (UpgradeStrategy strategy : values()) {
      if (strategy.label().equals(text)) {
        return Optional.of(strategy);
      }
    }
    return Optional.empty();
  }
}
