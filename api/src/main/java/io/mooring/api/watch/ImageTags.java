package io.mooring.api.watch;

import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.registry.TagPollActivities.PollNow;
import io.mooring.activities.registry.TagPollActivities.PollResult;
import io.mooring.activities.store.CachedTag;
import io.mooring.activities.store.TagCache;
import io.mooring.activities.store.WatchedRepository;
import io.mooring.workflows.watch.WatchClient;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tags of an image from the tag cache; an image nobody asked about before is read from its
 * registry once, through the watcher, and kept up to date from then on.
 */
@Component
class ImageTags {

  private final TagCache cache;
  private final WatchClient watch;
  private final RegistrySettings registries;

  ImageTags(TagCache cache, WatchClient watch, RegistrySettings registries) {
    this.cache = cache;
    this.watch = watch;
    this.registries = registries;
  }

  /** {@code org/image} on the default registry, with its host. */
  String qualify(String name) {
    return registries.qualify(name).orElseThrow(() -> WatchProblems.registryNotAllowed(name));
  }

  List<String> tags(String repository) {
    Optional<WatchedRepository> known = cache.find(repository);
    if (known.isEmpty() || known.get().polledAt() == null) {
      // Never read successfully: read it now (once per request; a registry that is down is not cached as empty).
      PollResult result = watch.fetch(new PollNow(repository, null));
      switch (result.outcome()) {
        case MISSING -> throw WatchProblems.unknownImage(repository);
        case UNAVAILABLE -> throw WatchProblems.registryUnavailable(repository, result.message());
        default -> { }
      }
    } else if (known.get().missing()) {
      throw WatchProblems.unknownImage(repository);
    }
    return cache.tags(repository).stream().map(CachedTag::tag).toList();
  }
}
