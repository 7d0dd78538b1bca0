package io.mooring.workflows.common;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Turns a failure a workflow caught into the sentence its log and history show. */
public final class FailureReasons {
  private FailureReasons() {}

  /**
   * Failures of an activity's own code rather than of the world: another attempt meets the same
   * defect, so the action fails at once with its reason instead of trying again and again.
   */
  public static final String NULL_POINTER = NullPointerException.class.getName();
  public static final String ILLEGAL_ARGUMENT = IllegalArgumentException.class.getName();

  /**
   * What went wrong, in the words of the code that noticed it: the first application failure under
   * Temporal's wrapping (its own causes are lower-level detail, e.g. an errno behind "Docker is down").
   */
  public static String reasonOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure app) {
        return app.getOriginalMessage();
      }
    }
    Throwable innermost = failure;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    String message = innermost instanceof TemporalFailure temporal ? temporal.getOriginalMessage() : innermost.getMessage();
    // Some failures (an unreachable socket, deep under docker-java's wrapping) carry no message: their kind says it.
    return message == null || message.isBlank() ? innermost.getClass().getSimpleName() : message;
  }
}
