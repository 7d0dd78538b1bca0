package io.mooring.api.harmony;

import io.mooring.activities.actions.LogLine;
import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.common.http.OpenStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a deployment's log as server-sent events: {@code line} events as lines are written, then
 * one {@code end} event with the final status. Polls the log, which any Mooring instance writes.
 */
@Component
class LogFollower implements DisposableBean {

  private static final Duration POLL = Duration.ofMillis(300);
  private static final Duration LONGEST = Duration.ofHours(2);

  private final OperationLog log;
  private final DeploymentStore deployments;
  private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, r -> {
    Thread thread = new Thread(r, "deployment-log-follower");
    thread.setDaemon(true);
    return thread;
  });

  private final OpenStreams streams;

  LogFollower(OperationLog log, DeploymentStore deployments, OpenStreams streams) {
    this.streams = streams;
    this.log = log;
    this.deployments = deployments;
  }

  /** @param after the last line the client has (its {@code Last-Event-ID}): a reconnected stream resumes after it */
  SseEmitter follow(UUID deploymentId, long after) {
    AtomicLong seen = new AtomicLong(after);
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    Runnable stop = () -> {
      ScheduledFuture<?> running = task.get();
      if (running != null) {
        running.cancel(false);
      }
    };
    SseEmitter emitter = streams.open(LONGEST, stop);
    task.set(poller.scheduleWithFixedDelay(() -> {
      try {
        // Read the status first: lines written before it ended are then all in the read below.
        var record = deployments.find(deploymentId).orElseThrow();
        for (LogLine line : log.lines(deploymentId, seen.get())) {
          emitter.send(SseEmitter.event().name("line").id(Long.toString(line.seq()))
              .data(DeploymentLogController.LineView.of(line)));
          seen.set(line.seq());
        }
        if (record.status() != DeploymentStatus.RUNNING) {
          emitter.send(SseEmitter.event().name("end").data(Map.of(
              "status", record.status().label(), "message", record.message())));
          emitter.complete();
          stop.run();
        }
      } catch (IOException | IllegalStateException clientGone) {
        stop.run();
      } catch (RuntimeException e) {
        emitter.completeWithError(e);
        stop.run();
      }
    }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
    return emitter;
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
