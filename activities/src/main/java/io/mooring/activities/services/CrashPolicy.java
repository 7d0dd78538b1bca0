package io.mooring.activities.services;

import java.util.Arrays;
import java.util.Optional;

/** Tutum's answer to "a container stopped": autorestart, autoreplace and autodestroy each take one. */
public enum CrashPolicy {
  /** Never. */
  OFF,
  /** Only when it exited with a code other than 0. */
  ON_FAILURE,
  /** Whatever its exit code. */
  ALWAYS;

  public boolean appliesTo(int exitCode) {
    return this == ALWAYS || (this == ON_FAILURE && exitCode != 0);
  }

  public static Optional<CrashPolicy> parse(String text) {
    return Arrays.stream(values()).filter(p -> p.name().equals(text)).findFirst();
  }
}
