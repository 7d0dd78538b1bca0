package io.mooring.api.watch;

import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.registry.TagPollActivities.PollResult;
import io.mooring.activities.registry.TagReader;
import io.mooring.activities.versions.TagVersion;
import io.mooring.activities.watch.TagCache;
import io.mooring.activities.watch.WatchedRepository;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tags of an image from the tag cache, read as versions; an image nobody asked about before is
 * read from its registry once, here, and the watcher keeps it up to date from then on. Filling the
 * cache is no story of its own: nothing else changes, so it needs no workflow of its own.
 */
@Component
class ImageTags {

  /** Repositories whose versions are kept parsed; the least recently asked for goes first. */
  private static final int PARSED_REPOSITORIES = 256;

  private final TagCache cache;
  private final TagReader reader;
  private final RegistrySettings registries;
  /**
   * Parsing 10,000 tags takes longer than the rest of a request: they are parsed again only when
   * the repository's tags changed (one small read tells).
   */
  private final Map<String, ParsedTags> parsed = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedTags> eldest) {
          return size() > PARSED_REPOSITORIES;
        }
      });

  ImageTags(TagCache cache, TagReader reader, RegistrySettings registries) {
    this.cache = cache;
    this.reader = reader;
    this.registries = registries;
  }

  /** {@code org/image} on the default registry, with its host. */
  String qualify(String name) {
    return registries.qualify(name).orElseThrow(() -> WatchProblems.registryNotAllowed(name));
  }

  List<TagVersion> versions(String repository) {
    Optional<Instant> changed = cache.tagsChangedAt(repository);
    ParsedTags known = parsed.get(repository);
    if (known != null && changed.isPresent() && changed.get().equals(known.changedAt())) {
      return known.versions();
    }
    Optional<WatchedRepository> watched = cache.find(repository);
    if (watched.isEmpty() || watched.get().polledAt() == null) {
      // Never read successfully: read it now (a registry that is down is not cached as empty).
      PollResult result = reader.readNow(repository, null);
      switch (result.outcome()) {
        case MISSING -> throw WatchProblems.unknownImage(repository);
        case UNAVAILABLE -> throw WatchProblems.registryUnavailable(repository, result.message());
        default -> { }
      }
    } else if (watched.get().missing()) {
      throw WatchProblems.unknownImage(repository);
    }
    Instant changedAt = cache.tagsChangedAt(repository).orElse(null);
    List<TagVersion> versions = cache.tagNames(repository).stream().map(TagVersion::of).flatMap(Optional::stream)
        .toList();
    if (changedAt != null) {
      parsed.put(repository, new ParsedTags(changedAt, versions));
    }
    return versions;
  }

  /** @param changedAt when the repository's tags last changed, as the cache said when they were read */
  private record ParsedTags(Instant changedAt, List<TagVersion> versions) {}
}
