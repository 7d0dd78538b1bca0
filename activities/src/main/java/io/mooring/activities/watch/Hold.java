package io.mooring.activities.watch;

import java.util.Locale;

/**
 * Why the registry watcher leaves a service as it is; {@link #NONE} when it deploys. Each says why
 * in a sentence for the outdated report and the dashboard.
 */
public enum Hold {
  NONE("The watcher deploys it at its next look."),
  UP_TO_DATE("Has the tag its policy wants."),
  PINNED("Pinned to the tag it has while a newer version is listed."),
  PINNED_ELSEWHERE("Pinned by a manual deployment to another tag than it has; left as it is until the pin is reset."),
  PINNED_TAG_MISSING("The registry does not list the pinned tag."),
  NOT_A_VERSION("Has a tag that is not a version, so no version is newer."),
  TOO_YOUNG("A newer version is listed, but not yet for the service's minimum age."),
  QUARANTINED("Its automatic deployment failed; held until a newer version appears or an operator clears the quarantine."),
  AUTO_DEPLOY_OFF("Auto-deploy is off."),
  NOT_RUNNING("The service is not running, so there is nothing to upgrade."),
  WAITING_IN_LINE("A deployment of the service is under way or waiting in the deployment gate's line."),
  DEPLOYMENTS_DISABLED("Deployments are disabled.");

  private final String sentence;

  Hold(String sentence) {
    this.sentence = sentence;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String sentence() {
    return sentence;
  }
}
