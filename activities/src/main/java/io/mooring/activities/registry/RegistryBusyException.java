package io.mooring.activities.registry;

import java.time.Duration;

/** The registry asked its callers to slow down (429, or 503 with Retry-After), for this long. */
public class RegistryBusyException extends RegistryUnavailableException {

  private final Duration retryAfter;

  public RegistryBusyException(String registry, Duration retryAfter) {
    super("Registry " + registry + " asked to retry after " + retryAfter.toSeconds() + " s", null);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
