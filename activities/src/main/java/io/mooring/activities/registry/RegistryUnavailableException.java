package io.mooring.activities.registry;

/** The registry did not answer usefully: down, refusing, or failing. Worth trying again. */
public class RegistryUnavailableException extends Exception {
  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
