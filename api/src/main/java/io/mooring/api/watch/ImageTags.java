package io.mooring.api.watch;

import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.registry.TagPollActivities.PollResult;
import io.mooring.activities.registry.TagReader;
import io.mooring.activities.store.CachedTag;
import io.mooring.activities.store.TagCache;
import io.mooring.activities.store.WatchedRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tags of an image from the tag cache; an image nobody asked about before is read from its
 * registry once, here, and the watcher keeps it up to date from then on. Filling the cache is no
 * story of its own: nothing else changes, so it needs no workflow of its own.
 */
@Component
class ImageTags {

  private final TagCache cache;
  private final TagReader reader;
  private final RegistrySettings registries;

  ImageTags(TagCache cache, TagReader reader, RegistrySettings registries) {
    this.cache = cache;
    this.reader = reader;
    this.registries = registries;
  }

  /** {@code org/image} on the default registry, with its host. */
  String qualify(String name) {
    return registries.qualify(name).orElseThrow(() -> WatchProblems.registryNotAllowed(name));
  }

  List<String> tags(String repository) {
    Optional<WatchedRepository> known = cache.find(repository);
    if (known.isEmpty() || known.get().polledAt() == null) {
      // Never read successfully: read it now (a registry that is down is not cached as empty).
      PollResult result = reader.readNow(repository, null);
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
