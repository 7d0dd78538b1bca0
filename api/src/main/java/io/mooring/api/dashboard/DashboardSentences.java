package io.mooring.api.dashboard;

/** What the dashboard says to people in its own words; the API's answers speak for themselves. */
final class DashboardSentences {

  static final String TOKEN_MISSING = "Paste an API token to log in.";
  static final String TOKEN_REFUSED = "That token is not valid: it may be mistyped, revoked or expired.";
  static final String FORBIDDEN_ROLE = "Your role does not allow this page. Ask an admin for a token with more rights.";
  static final String FORBIDDEN_CSRF = "The page was out of date (its form token had expired). Reload it and try again.";
  static final String ENGINE_AWAY = "Docker Engine does not answer: container counts are unknown for now.";

  static String noSuchService(String name) {
    return "There is no service named " + name + ".";
  }

  static String noSuchDeployment(String id) {
    return "There is no deployment " + id + ".";
  }

  private DashboardSentences() {}
}
