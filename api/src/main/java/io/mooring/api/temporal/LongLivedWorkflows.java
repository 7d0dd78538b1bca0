package io.mooring.api.temporal;

import io.mooring.workflows.gate.GateClient;
import io.mooring.workflows.watch.WatchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the long-lived workflows run from the start: the deployment gate, so operators see it
 * in the Temporal UI, and the registry watcher, so every service's repository is read.
 */
@Component
class LongLivedWorkflows implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LongLivedWorkflows.class);

  private final GateClient gate;
  private final WatchClient watch;

  LongLivedWorkflows(GateClient gate, WatchClient watch) {
    this.gate = gate;
    this.watch = watch;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Neither is fatal: each comes up on first use (every change is an update- or signal-with-start).
    open("deployment gate", gate::open);
    open("registry watcher", watch::open);
  }

  private static void open(String what, Runnable start) {
    try {
      start.run();
    } catch (RuntimeException e) {
      log.warn("Could not start the {} yet: {}", what, e.getMessage());
    }
  }
}
