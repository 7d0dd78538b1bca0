package io.mooring.api.dashboard;

/** What the dashboard says to people in its own words; the API's answers speak for themselves. */
final class DashboardSentences {

  static final String TOKEN_MISSING = "Paste an API token to log in.";
  static final String TOKEN_REFUSED = "That token is not valid: it may be mistyped, revoked or expired.";
  static final String FORBIDDEN_ROLE = "Your role does not allow this page. Ask an admin for a token with more rights.";
  static final String FORBIDDEN_CSRF = "The page was out of date (its form token had expired). Reload it and try again.";
  static final String NO_SUCH_PAGE = "The dashboard has no such page.";
  static final String UNEXPECTED = "Mooring failed unexpectedly; the failure is logged.";
  static final String LOGIN_UNAVAILABLE =
      "Mooring cannot check tokens right now (its database or the identity provider does not answer). Try again shortly.";
  static final String PROVIDER_FAILED = "Logging in through the identity provider did not succeed. Try again.";
  static final String PROVIDER_TOKEN_REFUSED =
      "The identity provider signed you in, but Mooring does not accept the token it issued (issuer, audience or expiry).";
  static final String ENGINE_AWAY = "Docker Engine does not answer: container counts are unknown for now.";

  /** What saving the gate's switch would do, for each way the gate can be. */
  static String savingWhileOpen() {
    return "Saving with the switch off disables deployments: new ones are refused (423) until it is switched on again.";
  }

  static String savingWhileHeld() {
    return "The lock opens by itself when that deployment ends. Saving with the switch on takes the lock from it"
        + " (for a deployment that is stuck); switching off is refused until it ends.";
  }

  static String savingWhileOff() {
    return "Saving with the switch on enables deployments; the first one waiting in line then takes the lock.";
  }

  /** Who put the gate's switch where it is. */
  static String switchedBy(boolean on, String who) {
    return (on ? "Switched on by " : "Switched off by ") + who;
  }

  static String neverSwitched() {
    return "On since Mooring first started: nobody has switched it";
  }

  static String switchedByNobodyRecorded() {
    return "Switched off; who switched it is not recorded";
  }

  /** Why the tokens page offers no Revoke for a live token: the API would refuse it. */
  static String lastAdminToken() {
    return "The last admin token: create another admin token first";
  }

  static String ownToken() {
    return "The token you are signed in with: revoke it while signed in with another";
  }

  static String noSuchService(String name) {
    return "There is no service named " + name + ".";
  }

  static String noSuchDeployment(String id) {
    return "There is no deployment " + id + ".";
  }

  private DashboardSentences() {}
}
