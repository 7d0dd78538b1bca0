package io.mooring.api.temporal;

import io.mooring.workflows.gate.GateClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Makes sure the deployment gate workflow runs, so operators see it in the Temporal UI from the start. */
@Component
class GateOpener implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(GateOpener.class);

  private final GateClient gate;

  GateOpener(GateClient gate) {
    this.gate = gate;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      gate.open();
    } catch (RuntimeException e) {
      // Not fatal: every gate change is an update-with-start and brings the gate up on first use.
      log.warn("Could not start the deployment gate yet: {}", e.getMessage());
    }
  }
}
