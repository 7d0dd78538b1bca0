package io.mooring.api.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser as far as HTTP goes: it keeps cookies, follows no redirect, and reads the CSRF token a page carries. */
final class DashboardSession {

  private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

  private final String root;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf;

  DashboardSession(String root) {
    this.root = root;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
  }

  /** A whole address, as a browser follows a redirect: the identity provider's, or Mooring's again. */
  HttpResponse<String> visit(String url) {
    return send(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? root + url : url)).GET());
  }

  HttpResponse<String> getFragment(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).header("HX-Request", "true").GET());
  }

  /** A page's form: the fields and the CSRF token the last page carried. */
  HttpResponse<String> postForm(String path, String field, String value, boolean withCsrf) {
    String body = field == null ? "" : field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (withCsrf && csrf != null) {
      body += (body.isEmpty() ? "" : "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    }
    return send(HttpRequest.newBuilder(URI.create(root + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** An API call as the dashboard's script makes it: the session's cookie, JSON, and the CSRF header if asked. */
  HttpResponse<String> api(String method, String path, String json, boolean withCsrf) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
        .header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (withCsrf && csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return send(request);
  }

  /** An API call with the cookie and an Authorization header of another scheme, without the CSRF header. */
  HttpResponse<String> apiWith(String method, String path, String json, String authorization) {
    return send(HttpRequest.newBuilder(URI.create(root + path))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Logs in with the token through the form, as a person would; the answer to the form's post. */
  HttpResponse<String> logIn(String token) {
    get("/ui/login");
    return postForm("/ui/login", "token", token, true);
  }

  Optional<HttpCookie> sessionCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("MOORING_SESSION")).findFirst();
  }

  String csrf() {
    return csrf;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher token = CSRF.matcher(response.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
