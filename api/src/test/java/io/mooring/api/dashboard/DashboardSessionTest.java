package io.mooring.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import io.mooring.api.TestIdentityProvider;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's login and its pages over plain HTTP: a token becomes a session, the session's
 * changes need the CSRF token, roles are the API's, and the bearer API stays without sessions.
 */
class DashboardSessionTest extends EmbeddedMooringTest {

  private DashboardSession browser() {
    return new DashboardSession("http://127.0.0.1:" + port);
  }

  private String token(String name, String role) {
    Reply created = http.post("/api-tokens", "{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("token").asString();
  }

  @Test
  void sendsAVisitorWithoutASessionToTheLoginPage() {
    HttpResponse<String> page = browser().get("/");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login");
  }

  @Test
  void tellsHtmxToGoToTheLoginPageWhenTheSessionIsGone() {
    HttpResponse<String> fragment = browser().getFragment("/ui/deployments");
    assertThat(fragment.statusCode()).isEqualTo(401);
    assertThat(fragment.headers().firstValue("HX-Redirect")).contains("/ui/login");
  }

  @Test
  void exchangesAValidTokenForAnHttpOnlySameSiteSessionCookieUnderANewId() throws Exception {
    DashboardSession browser = browser();
    browser.get("/ui/login");
    String before = browser.sessionCookie().map(c -> c.getValue()).orElse("");
    HttpResponse<String> login = browser.postForm("/ui/login", "token", adminToken(), true);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MOORING_SESSION="))
        .findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
    assertThat(browser.sessionCookie().orElseThrow().getValue()).isNotEqualTo(before);
    HttpResponse<String> services = browser.get("/");
    assertThat(services.statusCode()).isEqualTo(200);
    assertThat(services.body()).contains("id=\"services-table\"").contains("bootstrap-admin");
  }

  @Test
  void refusesAWrongTokenWithTheFormAgain() {
    DashboardSession browser = browser();
    HttpResponse<String> login = browser.logIn("mooring_not-a-real-token");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("id=\"token\"");
    assertThat(login.body()).contains(DashboardSentences.TOKEN_REFUSED.replace("'", "&#39;"));
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void refusesALoginFormPostedWithoutItsCsrfToken() throws Exception {
    DashboardSession browser = browser();
    browser.get("/ui/login");
    HttpResponse<String> login = browser.postForm("/ui/login", "token", adminToken(), false);
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.body()).contains(DashboardSentences.FORBIDDEN_CSRF);
  }

  @Test
  void refusesAnApiChangeMadeWithTheSessionCookieButWithoutTheCsrfHeader() throws Exception {
    DashboardSession browser = browser();
    browser.logIn(adminToken());
    browser.get("/ui/gate");
    HttpResponse<String> forged = browser.api("PUT", "/service-deployments-state", "{\"enabled\": true}", false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(forged.body()).contains("\"code\":\"csrf-token-invalid\"");
    HttpResponse<String> fromThePage = browser.api("PUT", "/service-deployments-state", "{\"enabled\": true}", true);
    assertThat(fromThePage.statusCode()).as(fromThePage.body()).isEqualTo(200);
  }

  @Test
  void showsADeployerNoGateSwitchAndRefusesItsSwitchingAnyway() {
    DashboardSession browser = browser();
    browser.logIn(token("dash-deployer", "deployer"));
    HttpResponse<String> gate = browser.get("/ui/gate");
    assertThat(gate.statusCode()).isEqualTo(200);
    assertThat(gate.body()).doesNotContain("id=\"gate-form\"").contains("id=\"gate-admins-only\"");
    HttpResponse<String> switched = browser.api("PUT", "/service-deployments-state", "{\"enabled\": false}", true);
    assertThat(switched.statusCode()).isEqualTo(403);
    assertThat(switched.body()).contains("\"code\":\"forbidden\"").contains("dash-deployer");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void keepsTheTokensPageForAdmins() {
    DashboardSession browser = browser();
    browser.logIn(token("dash-deployer-2", "deployer"));
    HttpResponse<String> tokens = browser.get("/ui/tokens");
    assertThat(tokens.statusCode()).isEqualTo(403);
    assertThat(tokens.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(tokens.body()).contains(DashboardSentences.FORBIDDEN_ROLE);
  }

  @Test
  void endsTheSessionOfARevokedTokenAtItsNextRequest() {
    DashboardSession browser = browser();
    browser.logIn(token("dash-revoked", "admin"));
    assertThat(browser.get("/ui/gate").statusCode()).isEqualTo(200);
    assertThat(http.delete("/api-tokens/dash-revoked").status()).isEqualTo(204);
    assertThat(browser.get("/ui/gate").statusCode()).isEqualTo(302);
    assertThat(browser.api("GET", "/service-deployments-state", null, false).statusCode()).isEqualTo(401);
  }

  @Test
  void logsOutWithTheCsrfTokenAndForgetsTheSession() throws Exception {
    DashboardSession browser = browser();
    browser.logIn(adminToken());
    browser.get("/");
    HttpResponse<String> logout = browser.postForm("/ui/logout", null, null, true);
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login?logged-out");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void logsInThroughTheIdentityProviderWithTheRolesOfItsGroups() {
    IDENTITY.signInAs(new TestIdentityProvider.Person("grace", List.of("Harmony Service Deployers")));
    DashboardSession browser = browser();
    HttpResponse<String> login = browser.get("/ui/login");
    assertThat(login.body()).contains("Log in with the test provider");
    HttpResponse<String> toProvider = browser.get("/oauth2/authorization/idp");
    assertThat(toProvider.statusCode()).isEqualTo(302);
    HttpResponse<String> back = browser.visit(toProvider.headers().firstValue("Location").orElseThrow());
    assertThat(back.statusCode()).isEqualTo(302);
    HttpResponse<String> signedIn = browser.visit(back.headers().firstValue("Location").orElseThrow());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
    HttpResponse<String> services = browser.get("/");
    assertThat(services.statusCode()).isEqualTo(200);
    assertThat(services.body()).contains("<span>grace</span> (<span>deployer</span>)");
    assertThat(browser.get("/ui/gate").body()).doesNotContain("id=\"gate-form\"");
    assertThat(browser.get("/ui/tokens").statusCode()).isEqualTo(403);
  }

  @Test
  void refusesAProviderLoginWhoseTokenTheApiWouldNotTake() {
    IDENTITY.signInAs(new TestIdentityProvider.Person("mallory", List.of("Harmony Core Permissions"),
        provider -> provider.forAnotherAudience("mallory", List.of("Harmony Core Permissions"))));
    try {
      DashboardSession browser = browser();
      HttpResponse<String> toProvider = browser.get("/oauth2/authorization/idp");
      HttpResponse<String> back = browser.visit(toProvider.headers().firstValue("Location").orElseThrow());
      HttpResponse<String> refused = browser.visit(back.headers().firstValue("Location").orElseThrow());
      assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login?provider-token-refused");
      assertThat(browser.get("/ui/login?provider-token-refused").body())
          .contains("does not accept the token it issued");
      assertThat(browser.get("/").statusCode()).isEqualTo(302);
    } finally {
      IDENTITY.signInAs(new TestIdentityProvider.Person("ada", List.of("Harmony Service Deployers")));
    }
  }

  @Test
  void asksForTheCsrfTokenWhenTheCookieComesWithAnotherSchemeThanBearer() throws Exception {
    DashboardSession browser = browser();
    browser.logIn(adminToken());
    browser.get("/ui/gate");
    HttpResponse<String> basic = browser.apiWith("PUT", "/service-deployments-state", "{\"enabled\": true}",
        "Basic dXNlcjpwYXNz");
    assertThat(basic.statusCode()).isEqualTo(403);
    assertThat(basic.body()).contains("\"code\":\"csrf-token-invalid\"");
  }

  @Test
  void answersPathsTheDashboardDoesNotHaveWithAPageNotJson() throws Exception {
    DashboardSession browser = browser();
    browser.logIn(adminToken());
    HttpResponse<String> missing = browser.get("/ui/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(missing.body()).contains(DashboardSentences.NO_SUCH_PAGE).contains("id=\"logout\"");
    HttpResponse<String> script = browser.get("/assets/dashboard.js");
    assertThat(script.statusCode()).isEqualTo(200);
  }

  @Test
  void servesItsScriptsUnderAddressesThatChangeWithTheirContentForBrowsersToKeep() {
    String page = browser().get("/ui/login").body();
    Matcher script = Pattern.compile("src=\"(/assets/dashboard-[0-9a-f]{32}\\.js)\"").matcher(page);
    // A WebJar's address names its version instead.
    Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js)\"").matcher(page);
    assertThat(script.find()).as(page).isTrue();
    assertThat(htmx.find()).as(page).isTrue();
    for (String asset : List.of(script.group(1), htmx.group(1))) {
      HttpResponse<String> answer = browser().get(asset);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
    }
  }

  @Test
  void leavesTheBearerApiWithoutSessions() {
    Reply tags = http.get("/service-image-tag");
    assertThat(tags.status()).isEqualTo(200);
    assertThat(tags.response().headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void linksIntoNoTemporalUiWhereNoneIsConfigured() throws Exception {
    DashboardSession browser = browser();
    browser.logIn(adminToken());
    String page = browser.get("/ui/services/web").body();
    assertThat(page).contains("Service <span>web</span>").doesNotContain("Temporal UI").doesNotContain("/workflows/");
  }

  @Test
  void rendersEveryPageForAnAdmin() throws Exception {
    DashboardSession browser = browser();
    browser.logIn(adminToken());
    assertThat(browser.get("/ui/services/web").body()).contains("Service <span>web</span>").contains("id=\"deploy-form\"");
    assertThat(browser.get("/ui/deployments?status=failed").body()).contains("id=\"deployments-table\"");
    assertThat(browser.get("/ui/gate").body()).contains("id=\"gate-form\"");
    assertThat(browser.get("/ui/tokens").body()).contains("bootstrap-admin");
    HttpResponse<String> search = browser.getFragment("/?q=nothing-is-called-this");
    assertThat(search.body()).contains("id=\"no-services\"").doesNotContain("<html");
  }

  @Test
  void answersAPageAboutNothingWith404() throws Exception {
    DashboardSession browser = browser();
    browser.logIn(adminToken());
    assertThat(browser.get("/ui/services/no-such-service").statusCode()).isEqualTo(404);
    assertThat(browser.get("/ui/deployments/not-a-uuid").statusCode()).isEqualTo(404);
  }
}
