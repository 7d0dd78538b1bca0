package io.mooring.activities.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the registry watcher reads registries.
 *
 * @param concurrentReads tag lists read side by side; a registry on this host answers in
 *     milliseconds, so a few suffice for a thousand repositories in seconds
 */
@ConfigurationProperties("mooring.watch")
public record WatchSettings(Integer concurrentReads) {

  public WatchSettings {
    concurrentReads = concurrentReads == null || concurrentReads < 1 ? 16 : concurrentReads;
  }
}
