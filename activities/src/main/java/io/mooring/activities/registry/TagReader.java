package io.mooring.activities.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mooring.activities.registry.TagPollActivities.Outcome;
import io.mooring.activities.registry.TagPollActivities.PollResult;
import io.mooring.activities.watch.TagCache;
import io.mooring.activities.watch.WatchedRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Reads one repository's tag list into the tag cache: one request when nothing changed (its tag
 * list, one page per thousand tags), plus one per tag a service pins, whose digest tells whether
 * the image was overwritten. A registry that asks to slow down is left alone, for every
 * repository it holds, for as long as it asks.
 */
@Component
public class TagReader {

  /** A registry that asked to slow down without saying how long is left alone at least this long. */
  private static final Duration LEAST_BACKOFF = Duration.ofSeconds(1);

  private final RegistryClient registry;
  private final RegistrySettings settings;
  private final TagCache cache;
  private final MeterRegistry metrics;
  private final Clock clock;
  /** Per registry host: not before this instant (its last {@code Retry-After}). */
  private final Map<String, Instant> busyUntil = new ConcurrentHashMap<>();

  public TagReader(RegistryClient registry, RegistrySettings settings, TagCache cache, MeterRegistry metrics,
      Clock clock) {
    this.registry = registry;
    this.settings = settings;
    this.cache = cache;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Reads a repository asked for by name now, and watches it from then on; one the registry does
   * not have is not kept.
   */
  public PollResult readNow(String repository, String credentials) {
    cache.enlist(repository, credentials);
    WatchedRepository watched = cache.find(repository).orElseThrow();
    Outcome outcome = read(watched);
    String message = outcome == Outcome.CHANGED || outcome == Outcome.UNCHANGED ? null
        : cache.find(repository).map(WatchedRepository::pollError).orElse(null);
    if (outcome == Outcome.MISSING) {
      cache.forgetUnlessUsed(repository);
    }
    return new PollResult(outcome, message);
  }

  public Outcome read(WatchedRepository watched) {
    ImageReference repository = ImageReference.of(watched.repository(), "latest");
    Instant waitUntil = busyUntil.get(repository.registry());
    Instant now = clock.instant();
    if (waitUntil != null && waitUntil.isAfter(now)) {
      cache.failed(watched, "Registry " + repository.registry() + " asked to slow down", false,
          Duration.between(now, waitUntil));
      return count(repository, Outcome.UNAVAILABLE);
    }
    var credentials = settings.named(watched.credentials());
    try {
      List<String> tags = registry.listTags(repository, credentials);
      Map<String, String> digests = new LinkedHashMap<>();
      for (String pinned : watched.pinnedTags()) {
        if (tags.contains(pinned)) {
          digestOf(watched.repository(), pinned, credentials).ifPresent(digest -> digests.put(pinned, digest));
        }
      }
      boolean wasFailing = watched.pollError() != null || watched.polledAt() == null;
      List<String> added = cache.listed(watched, tags, digests);
      return count(repository, added.isEmpty() && !wasFailing ? Outcome.UNCHANGED : Outcome.CHANGED);
    } catch (RegistryBusyException busy) {
      Duration wait = busy.retryAfter().compareTo(LEAST_BACKOFF) < 0 ? LEAST_BACKOFF : busy.retryAfter();
      busyUntil.merge(repository.registry(), now.plus(wait), (a, b) -> a.isAfter(b) ? a : b);
      cache.failed(watched, busy.getMessage(), false, wait);
      return count(repository, Outcome.UNAVAILABLE);
    } catch (ImageUnreachableException missing) {
      cache.failed(watched, missing.getMessage(), true, Duration.ofSeconds(watched.intervalSeconds()));
      return count(repository, Outcome.MISSING);
    } catch (RegistryUnavailableException | RuntimeException unavailable) {
      // A registry that is down is read again after the repository's interval, never in a tight loop.
      cache.failed(watched, String.valueOf(unavailable.getMessage()), false,
          Duration.ofSeconds(watched.intervalSeconds()));
      return count(repository, Outcome.UNAVAILABLE);
    }
  }

  /** A pinned tag whose manifest cannot be read keeps no digest; the rest of the listing stands. */
  private Optional<String> digestOf(String repository, String tag,
      Optional<RegistryCredentials> credentials) throws RegistryUnavailableException {
    try {
      return Optional.of(registry.resolveDigest(ImageReference.of(repository, tag), credentials));
    } catch (ImageUnreachableException gone) {
      return Optional.empty();
    }
  }

  private Outcome count(ImageReference repository, Outcome outcome) {
    Counter.builder("mooring.registry.polls")
        .description("Tag list reads by the registry watcher, by registry and outcome")
        .tag("registry", repository.registry())
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(metrics)
        .increment();
    return outcome;
  }
}
