package io.mooring.workflows.service;

import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.activities.runtime.StoppedContainer;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.ServiceRecord;
import io.mooring.activities.services.ServiceState;
import io.mooring.activities.services.ServiceStore;
import io.mooring.workflows.common.FailureReasons;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands every replica that stops without Mooring stopping it to its service's workflow, which acts
 * by the service's autodestroy and autoreplace. The engine's events tell it at once; every
 * {@link #SWEEP} it also looks at the stopped containers of every service with either policy, so a
 * stop missed while Mooring was down or the event stream was away is still acted on. Telling a
 * service twice is harmless: its workflow takes one action per stopped container.
 */
@Component
public class StoppedContainerWatch {

  static final Duration SWEEP = Duration.ofSeconds(30);
  private static final Duration WATCH_AGAIN = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(StoppedContainerWatch.class);

  private final ContainerRuntime engine;
  private final ServiceStore services;
  private final LifecycleClient lifecycle;
  /** Watching and sweeping: never waits on a service. */
  private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(
      daemon("stopped-containers-watch"));
  /**
   * Telling services, which may wait for a service's turn: few threads, a bounded line, and a stop
   * already in it (or being told) is not lined up again; what falls off is found by the next sweep.
   */
  private final ThreadPoolExecutor telling = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(256), daemon("stopped-containers-tell"));
  private final Set<String> beingTold = ConcurrentHashMap.newKeySet();
  /** The engine stopped answering and that was said; cleared (and said) when it answers again. */
  private final AtomicBoolean engineAway = new AtomicBoolean();
  /** Mooring stops: the stream it closes breaks, which says nothing about the engine. */
  private final AtomicBoolean ending = new AtomicBoolean();
  private volatile AutoCloseable events;

  public StoppedContainerWatch(ContainerRuntime engine, ServiceStore services, LifecycleClient lifecycle) {
    this.engine = engine;
    this.services = services;
    this.lifecycle = lifecycle;
  }

  /** Once the workers run: an action taken in before could not be carried out. */
  @EventListener(ApplicationReadyEvent.class)
  public void begin() {
    work.execute(this::watch);
    work.scheduleWithFixedDelay(this::sweep, SWEEP.toSeconds(), SWEEP.toSeconds(), TimeUnit.SECONDS);
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @PreDestroy
  void end() throws Exception {
    ending.set(true);
    work.shutdownNow();
    telling.shutdownNow();
    AutoCloseable open = events;
    if (open != null) {
      open.close();
    }
  }

  private void watch() {
    if (!engine.ping()) {
      lost(new RuntimeUnavailableException("it did not answer a ping", null));
      return;
    }
    if (engineAway.compareAndSet(true, false)) {
      log.info("{}", LifecycleSentences.engineBack(engine.endpoint()));
    }
    try {
      events = engine.watchStops(stopped -> tell(stopped, true), this::lost);
    } catch (RuntimeException unreachable) {
      lost(unreachable);
    }
  }

  /**
   * The stream ended or broke: watch again soon, and look for what was missed meanwhile. An engine
   * that went away is said once, not at every try; that it came back, once too.
   */
  private void lost(Throwable why) {
    if (ending.get()) {
      return;
    }
    if (why != null && engineAway.compareAndSet(false, true)) {
      log.warn("{}", LifecycleSentences.engineUnreachable(engine.endpoint(), FailureReasons.reasonOf(why)));
    }
    log.debug("Watching the engine for stopped containers again: {}", why == null ? "stream ended" : why.getMessage());
    try {
      work.schedule(() -> {
        watch();
        sweep();
      }, WATCH_AGAIN.toSeconds(), TimeUnit.SECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      // Mooring stops: nothing to watch for.
    }
  }

  private void sweep() {
    try {
      for (ServiceRecord record : services.runningWithStopPolicies()) {
        for (ContainerStatus container : engine.replicasOf(record.uniqueName())) {
          if (container.exited()) {
            tell(new StoppedContainer(container.name(), record.uniqueName(), container.exitCode()), false);
          }
        }
      }
    } catch (RuntimeException e) {
      log.debug("Could not look for stopped containers: {}", e.getMessage());
    }
  }

  private void tell(StoppedContainer stopped, boolean justStopped) {
    if (!beingTold.add(stopped.container())) {
      return;
    }
    try {
      telling.execute(() -> {
        try {
          consider(stopped, justStopped);
        } finally {
          beingTold.remove(stopped.container());
        }
      });
    } catch (RejectedExecutionException fullOrShuttingDown) {
      beingTold.remove(stopped.container());
    }
  }

  /**
   * @param justStopped told by the engine's event: a stop its restart policy (autorestart) covers
   *     is the engine's to undo; a sweep finds what it did not undo
   */
  private void consider(StoppedContainer stopped, boolean justStopped) {
    try {
      ServiceRecord record = services.record(stopped.service()).orElse(null);
      if (record == null || record.state() != ServiceState.RUNNING) {
        return;
      }
      ContainerSettings settings = record.definition().container();
      int exit = stopped.exitCode();
      if ((justStopped && settings.autorestart().appliesTo(exit))
          || !(settings.autodestroy().appliesTo(exit) || settings.autoreplace().appliesTo(exit))) {
        return;
      }
      lifecycle.containerStopped(record.uuid(), record.uniqueName(), record.state(), stopped)
          .ifPresent(action -> log.info("{} stopped (exit code {}): action {} of {}", stopped.container(), exit,
              action.actionId(), record.uniqueName()));
    } catch (RuntimeException e) {
      log.warn("Could not hand the stop of {} to its service: {}", stopped.container(), e.getMessage());
    }
  }
}
