package io.mooring.activities.services;

import java.util.Arrays;
import java.util.Optional;

/**
 * Tutum's service states, spelled as its API spells them. The stored state is the one the
 * service's workflow last entered; {@code RUNNING} there means "meant to run", and what a reader
 * is told ({@link #observed}) comes from the containers the engine has.
 */
public enum ServiceState {
  INIT("Init"),
  STARTING("Starting"),
  RUNNING("Running"),
  PARTLY_RUNNING("Partly running"),
  SCALING("Scaling"),
  REDEPLOYING("Redeploying"),
  STOPPING("Stopping"),
  STOPPED("Stopped"),
  TERMINATING("Terminating"),
  TERMINATED("Terminated"),
  NOT_RUNNING("Not running");

  private final String label;

  ServiceState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True while an action changes the containers: nothing else may start meanwhile. */
  public boolean transitional() {
    return this == STARTING || this == SCALING || this == REDEPLOYING || this == STOPPING || this == TERMINATING;
  }

  public static Optional<ServiceState> parse(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }

  /**
   * What a reader is told about a service stored in {@code stored}: a service meant to run is
   * {@code Running} only while the engine runs every container it should have.
   *
   * @param target the containers it should run
   * @param running its containers the engine runs now
   */
  public static ServiceState observed(ServiceState stored, int target, int running) {
    if (stored != RUNNING && stored != PARTLY_RUNNING && stored != NOT_RUNNING) {
      return stored;
    }
    if (target == 0) {
      return running == 0 ? NOT_RUNNING : PARTLY_RUNNING;
    }
    if (running == 0) {
      return STOPPED;
    }
    return running >= target ? RUNNING : PARTLY_RUNNING;
  }
}
