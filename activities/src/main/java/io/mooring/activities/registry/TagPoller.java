package io.mooring.activities.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mooring.activities.TaskQueues;
import io.mooring.activities.store.TagCache;
import io.mooring.activities.store.WatchedRepository;
import io.temporal.spring.boot.ActivityImpl;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * Reads tag lists side by side, a bounded number at a time, and writes what changed into the tag
 * cache. One request per repository when nothing changed (its tag list, one page per thousand
 * tags), plus one per tag a service pins, whose digest tells whether the image was overwritten.
 */
@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class TagPoller implements TagPollActivities {

  /** A registry that asked to slow down without saying how long is left alone at least this long. */
  private static final Duration LEAST_BACKOFF = Duration.ofSeconds(1);

  private final RegistryClient registry;
  private final RegistrySettings settings;
  private final TagCache cache;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final ExecutorService readers;

  public TagPoller(RegistryClient registry, RegistrySettings settings, TagCache cache, MeterRegistry metrics,
      Clock clock, WatchSettings watch) {
    this.registry = registry;
    this.settings = settings;
    this.cache = cache;
    this.metrics = metrics;
    this.clock = clock;
    this.readers = Executors.newFixedThreadPool(watch.concurrentReads(), runnable -> {
      Thread thread = new Thread(runnable, "tag-poller");
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void stopReading() {
    readers.shutdownNow();
  }

  @Override
  public PollReport pollDue(PollDue request) {
    cache.enlistServiceRepositories();
    List<WatchedRepository> due = cache.due(request.limit());
    // Per registry, this round: once one read is told to slow down, the others of that registry wait too.
    Map<String, Instant> busyUntil = new ConcurrentHashMap<>();
    List<Future<Outcome>> reads = new ArrayList<>();
    for (WatchedRepository repository : due) {
      reads.add(readers.submit(() -> read(repository, busyUntil)));
    }
    Map<Outcome, Integer> counts = new LinkedHashMap<>();
    for (Future<Outcome> read : reads) {
      counts.merge(outcomeOf(read), 1, Integer::sum);
    }
    return new PollReport(due.size(), counts.getOrDefault(Outcome.CHANGED, 0),
        counts.getOrDefault(Outcome.MISSING, 0) + counts.getOrDefault(Outcome.UNAVAILABLE, 0),
        due.size() == request.limit(), cache.nextDue().orElse(null));
  }

  @Override
  public PollResult pollNow(PollNow request) {
    cache.enlist(request.repository(), request.credentials());
    WatchedRepository repository = cache.find(request.repository()).orElseThrow();
    Outcome outcome = read(repository, new ConcurrentHashMap<>());
    String message = outcome == Outcome.CHANGED || outcome == Outcome.UNCHANGED ? null
        : cache.find(request.repository()).map(WatchedRepository::pollError).orElse(null);
    if (outcome == Outcome.MISSING) {
      cache.forgetUnlessUsed(request.repository());
    }
    return new PollResult(outcome, message);
  }

  private static Outcome outcomeOf(Future<Outcome> read) {
    try {
      return read.get();
    } catch (ExecutionException e) {
      return Outcome.UNAVAILABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading registries", e);
    }
  }

  private Outcome read(WatchedRepository watched, Map<String, Instant> busyUntil) {
    ImageReference repository = ImageReference.of(watched.repository(), "latest");
    Instant waitUntil = busyUntil.get(repository.registry());
    if (waitUntil != null) {
      cache.failed(watched.repository(), "Registry " + repository.registry() + " asked to slow down", false,
          Duration.between(clock.instant(), waitUntil));
      return count(repository, Outcome.UNAVAILABLE);
    }
    var credentials = settings.named(watched.credentials());
    try {
      List<String> tags = registry.listTags(repository, credentials);
      Map<String, String> digests = new LinkedHashMap<>();
      for (String pinned : watched.pinnedTags()) {
        if (tags.contains(pinned)) {
          digests.put(pinned, registry.resolveDigest(ImageReference.of(watched.repository(), pinned), credentials));
        }
      }
      boolean wasFailing = watched.pollError() != null || watched.polledAt() == null;
      List<String> added = cache.listed(watched, tags, digests);
      return count(repository, added.isEmpty() && !wasFailing ? Outcome.UNCHANGED : Outcome.CHANGED);
    } catch (RegistryBusyException busy) {
      Duration wait = busy.retryAfter().compareTo(LEAST_BACKOFF) < 0 ? LEAST_BACKOFF : busy.retryAfter();
      busyUntil.merge(repository.registry(), clock.instant().plus(wait), (a, b) -> a.isAfter(b) ? a : b);
      cache.failed(watched.repository(), busy.getMessage(), false, wait);
      return count(repository, Outcome.UNAVAILABLE);
    } catch (ImageUnreachableException missing) {
      cache.failed(watched.repository(), missing.getMessage(), true, Duration.ofSeconds(watched.intervalSeconds()));
      return count(repository, Outcome.MISSING);
    } catch (RegistryUnavailableException | RuntimeException unavailable) {
      // A registry that is down is read again after the repository's interval, never in a tight loop.
      cache.failed(watched.repository(), String.valueOf(unavailable.getMessage()), false,
          Duration.ofSeconds(watched.intervalSeconds()));
      return count(repository, Outcome.UNAVAILABLE);
    }
  }

  private Outcome count(ImageReference repository, Outcome outcome) {
    Counter.builder("mooring.registry.polls")
        .description("Tag list reads by the registry watcher, by registry and outcome")
        .tag("registry", repository.registry())
        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .register(metrics)
        .increment();
    return outcome;
  }
}
