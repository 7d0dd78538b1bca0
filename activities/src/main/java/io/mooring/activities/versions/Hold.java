package io.mooring.activities.versions;

import java.util.Locale;

/** Why the registry watcher leaves a service as it is; {@link #NONE} when it deploys. */
public enum Hold {
  NONE,
  /** The service runs what its policy wants. */
  UP_TO_DATE,
  /** Pinned to a tag while a newer version is listed. */
  PINNED,
  /** The pinned tag is not listed by the registry. */
  PINNED_TAG_MISSING,
  /** The service runs a tag that is not a version, so no version is newer. */
  NOT_A_VERSION,
  /** A newer version is listed, but not yet for the service's minimum age. */
  TOO_YOUNG,
  /** Its automatic deployment failed; held until a newer candidate appears or an operator clears it. */
  QUARANTINED,
  AUTO_DEPLOY_OFF,
  /** The service is not running, so there is nothing to upgrade. */
  NOT_RUNNING,
  /** A deployment of the service is under way or waiting in the gate's line. */
  WAITING_IN_LINE,
  /** The deployment gate is switched off. */
  DEPLOYMENTS_DISABLED;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
