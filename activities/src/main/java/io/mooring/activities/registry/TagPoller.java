package io.mooring.activities.registry;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.watch.TagCache;
import io.mooring.activities.watch.WatchedRepository;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.spring.boot.ActivityImpl;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/** Reads every due repository's tag list side by side, a bounded number at a time. */
@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class TagPoller implements TagPollActivities {

  private final TagCache cache;
  private final TagReader reader;
  private final ExecutorService readers;

  public TagPoller(TagCache cache, TagReader reader, WatchSettings watch) {
    this.cache = cache;
    this.reader = reader;
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
    ActivityExecutionContext context = Activity.getExecutionContext();
    // Beats as reads finish: a worker that dies mid-cycle hands the cycle on within seconds.
    return poll(request, () -> context.heartbeat(null));
  }

  /** @param beat called as each read finishes */
  PollReport poll(PollDue request, Runnable beat) {
    cache.enlistServiceRepositories();
    List<WatchedRepository> due = cache.due(request.limit());
    List<Future<Outcome>> reads = new ArrayList<>();
    for (WatchedRepository repository : due) {
      reads.add(readers.submit(() -> reader.read(repository)));
    }
    Map<Outcome, Integer> counts = new LinkedHashMap<>();
    for (Future<Outcome> read : reads) {
      counts.merge(outcomeOf(read), 1, Integer::sum);
      beat.run();
    }
    return new PollReport(due.size(), counts.getOrDefault(Outcome.CHANGED, 0),
        counts.getOrDefault(Outcome.MISSING, 0) + counts.getOrDefault(Outcome.UNAVAILABLE, 0),
        due.size() == request.limit(), cache.nextDue().orElse(null));
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
}
