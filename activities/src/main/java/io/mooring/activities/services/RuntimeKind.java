package io.mooring.activities.services;

/**
 * The runtime a service runs on, recorded when it is created: its containers stay with that
 * runtime whatever the runtime of services created later, so changing that setting never strands
 * a running service.
 */
public enum RuntimeKind {
  /** A single Docker Engine: one container per replica, rolled replica by replica. */
  ENGINE,
  /**
   * Docker Swarm mode: one Swarm service per service, its replicas Swarm's tasks, placed, restarted
   * and networked across the nodes by Swarm itself.
   */
  SWARM;

  /** As stored and as the setting spells it. */
  public String spelling() {
    return name().toLowerCase();
  }

  /** The stored spelling back; services stored before runtimes were recorded ran on the engine. */
  public static RuntimeKind parse(String spelling) {
    return spelling == null ? ENGINE : valueOf(spelling.toUpperCase());
  }
}
