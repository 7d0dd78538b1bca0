package io.mooring.api.common.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The dashboard's paths as security sees them: which need which role (the same as the API they
 * show), and where a person goes who is not logged in or may not see a page.
 */
public final class DashboardPaths {

  public static final String LOGIN = "/ui/login";
  public static final String LOGOUT = "/ui/logout";
  public static final String FORBIDDEN = "/ui/forbidden";
  public static final String UNAVAILABLE = "/ui/unavailable";
  public static final String SESSION_COOKIE = "MOORING_SESSION";
  /** Where the identity provider's login starts and returns (Spring's OAuth2 login filters). */
  static final String[] IDENTITY_PROVIDER = {"/oauth2/authorization/*", "/login/oauth2/code/*"};
  /** Query flags the login page explains: the provider's login failed, or its token is not one the API takes. */
  public static final String PROVIDER_FAILED = "provider-failed";
  public static final String PROVIDER_TOKEN_REFUSED = "provider-token-refused";
  /** Set on a forwarded refusal: the page says why. */
  public static final String REFUSAL = DashboardPaths.class.getName() + ".refusal";

  static final String[] PUBLIC = {LOGIN, FORBIDDEN, UNAVAILABLE, "/assets/**", "/webjars/**"};
  /** Tokens are an admin's, as {@code /api-tokens} is. */
  static final String[] ADMINS = {"/ui/tokens", "/ui/tokens/**"};
  /** Deployments, logs, actions and the gate are a deployer's to read, as in the API. */
  static final String[] DEPLOYERS = {"/ui/deployments", "/ui/deployments/**", "/ui/gate", "/ui/services/**"};

  /**
   * Only Mooring's own scripts and styles run: no inline script, no eval, no other origin.
   * {@code connect-src 'self'} covers the API calls and event streams.
   */
  static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private DashboardPaths() {}

  /**
   * A page asks to log in; a fragment that htmx loads tells htmx to go there instead. A session whose
   * token could not be checked (the store or the provider is away) is told so, not sent to log in.
   */
  static void toLogin(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException, ServletException {
    if (SessionLogin.uncheckable(request)) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      request.getRequestDispatcher(UNAVAILABLE).forward(request, response);
      return;
    }
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", LOGIN);
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      return;
    }
    response.sendRedirect(request.getContextPath() + LOGIN);
  }

  static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    request.setAttribute(REFUSAL, denied instanceof CsrfException ? "csrf" : "role");
    response.setStatus(HttpStatus.FORBIDDEN.value());
    request.getRequestDispatcher(FORBIDDEN).forward(request, response);
  }
}
