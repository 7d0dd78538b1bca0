package io.mooring.workflows.deployment;

/**
 * The answer to "may this deployment go ahead?", given once the image is validated and the lock
 * taken (or refused). The API turns it into its HTTP answer.
 *
 * @param detail the human sentence for a refusal, in Harmony's words
 * @param place 1-based place in the gate's line when queued
 */
public record Admission(Verdict verdict, String detail, int place) {

  public enum Verdict {
    ADMITTED,
    QUEUED,
    /** The gate is disabled (423). */
    DISABLED,
    /** The image or its test image is not in the registry (404). */
    UNREACHABLE,
    /** The registry did not answer (503). */
    REGISTRY_UNAVAILABLE,
    /** Another deployment took the lock first (423). */
    LOCKED,
    /** The service's state allows no deployment: stopped, terminated, or in the middle of an action (409). */
    SERVICE_STATE
  }

  public boolean accepted() {
    return verdict == Verdict.ADMITTED || verdict == Verdict.QUEUED;
  }

  static Admission refused(Verdict verdict, String detail) {
    return new Admission(verdict, detail, 0);
  }
}
