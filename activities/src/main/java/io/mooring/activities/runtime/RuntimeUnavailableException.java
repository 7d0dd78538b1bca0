package io.mooring.activities.runtime;

/** The container engine could not be reached or failed; the message names where it was expected. */
public class RuntimeUnavailableException extends RuntimeException {
  public RuntimeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
