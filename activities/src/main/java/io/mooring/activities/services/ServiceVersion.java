package io.mooring.activities.services;

/**
 * Which version of a service runs, and where its image lives: what the registry watcher compares
 * with what the registry lists.
 *
 * @param name the unique name
 * @param repository with its registry host
 * @param digest what the running tag pointed at when it was deployed; null before the first deployment
 */
public record ServiceVersion(String name, String repository, String tag, String digest, String credentials,
    ServiceState state) {

  /** Its containers run, so a deployment may replace them. */
  public boolean running() {
    return state == ServiceState.RUNNING || state == ServiceState.PARTLY_RUNNING;
  }
}
