package io.mooring.workflows.gate;

/** The messages deployments and operators exchange with the {@link DeploymentGate}. */
public final class GateMessages {
  private GateMessages() {}

  /**
   * Ask for the lock.
   *
   * @param workflowId where to signal the grant when the request waits in line
   * @param lockMessage the gate's message while this deployment holds the lock
   * @param queue wait in line when the gate is not free, instead of being refused
   */
  public record Acquire(String deploymentId, String workflowId, String lockMessage, boolean queue) {}

  public enum Outcome { GRANTED, QUEUED, REFUSED }

  /**
   * @param place 1-based place in line when queued
   * @param message the gate's message when refused (why it is not free)
   */
  public record Decision(Outcome outcome, int place, String message) {}

  /** Give the lock back: the gate opens with {@code message}, or hands over to the next in line. */
  public record Release(String deploymentId, String message) {}

  /** Keep the gate closed after the holder ends, because what it leaves needs an operator. */
  public record Hold(String deploymentId, String message) {}

  /** Leave the line, or give the lock back if it was granted meanwhile (a cancelled deployment). */
  public record Leave(String deploymentId) {}

  /** An operator's switch: enabling always succeeds, disabling is refused when already disabled. */
  public record Switch(boolean enabled, String message) {}

  /** Sent to a waiting deployment when the lock becomes its own. */
  public record Grant(String deploymentId) {}
}
