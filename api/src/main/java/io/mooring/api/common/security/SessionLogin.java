package io.mooring.api.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * The dashboard's login: a person hands over an API token (a pipeline token or a JWT) once, and
 * the server-side session keeps it; the browser holds only the session cookie. Every request of
 * the session checks the token again exactly as a bearer request would, so a revoked token or an
 * expired JWT ends the session at once and roles never differ from the API's.
 */
@Component
public class SessionLogin implements SecurityContextRepository {

  private static final String TOKEN = SessionLogin.class.getName() + ".token";
  private static final String UNCHECKABLE = SessionLogin.class.getName() + ".uncheckable";
  /** Spring Security's own name for the session's CSRF token: a login starts with a new one. */
  private static final String CSRF_TOKEN = HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN";
  /** A session that only carries a login form's CSRF token ends soon; a logged-in one lasts a working day. */
  private static final Duration LOGGED_IN = Duration.ofHours(8);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final BearerAuthentication authentication;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  SessionLogin(BearerAuthentication authentication) {
    this.authentication = authentication;
  }

  /**
   * Checks the token and, if it is good, starts a session for it under a new session id (a session
   * id known before the login must not carry it).
   *
   * @throws AuthenticationException when the token is not valid
   */
  public Authentication logIn(HttpServletRequest request, String token) {
    Authentication caller;
    try {
      caller = authentication.authenticate(new BearerTokenAuthenticationToken(token.strip()));
    } catch (TokenStoreUnavailableException | IdentityProviderUnavailableException unavailable) {
      throw new CheckUnavailableException(unavailable);
    }
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.removeAttribute(CSRF_TOKEN);
    session.setMaxInactiveInterval((int) LOGGED_IN.toSeconds());
    session.setAttribute(TOKEN, token.strip());
    return caller;
  }

  /** The token could not be checked: the token store or the identity provider does not answer. */
  public static final class CheckUnavailableException extends RuntimeException {
    CheckUnavailableException(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** This request's session holds a token that could not be checked just now. */
  static boolean uncheckable(HttpServletRequest request) {
    return request.getAttribute(UNCHECKABLE) != null;
  }

  /** Why the session's token could not be checked: the token store or the identity provider; null when it could. */
  static AuthenticationException uncheckableBecause(HttpServletRequest request) {
    return (AuthenticationException) request.getAttribute(UNCHECKABLE);
  }

  /** The caller of this request by its session's token; empty without one, or when it no longer holds. */
  Optional<Authentication> caller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(TOKEN);
    if (!(token instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(authentication.authenticate(new BearerTokenAuthenticationToken(text)));
    } catch (TokenStoreUnavailableException | IdentityProviderUnavailableException unavailable) {
      // Not the token's fault: the session stays, and the page says what is wrong.
      request.setAttribute(UNCHECKABLE, unavailable);
      return Optional.empty();
    } catch (AuthenticationException revoked) {
      session.removeAttribute(TOKEN);
      return Optional.empty();
    }
  }

  /**
   * A change that a session's cookie would authorise, so it needs the CSRF token: a request with
   * its own {@code Authorization} header proves itself and needs none, as the bearer API always has.
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    String credential = request.getHeader("Authorization");
    // Only a bearer token proves the request itself; any other scheme (a proxy's Basic) leaves the cookie in charge.
    if (SAFE_METHODS.contains(request.getMethod())
        || credential != null && credential.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(TOKEN) != null;
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    return new DeferredSecurityContext() {
      private SecurityContext context;

      @Override
      public SecurityContext get() {
        if (context == null) {
          context = contexts.createEmptyContext();
          caller(request).ifPresent(context::setAuthentication);
        }
        return context;
      }

      @Override
      public boolean isGenerated() {
        return get().getAuthentication() == null;
      }
    };
  }

  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  /** Nothing to save: the session holds the token, never an authentication. */
  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {}

  @Override
  public boolean containsContext(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(TOKEN) != null;
  }
}
