package io.mooring.api.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
    Authentication caller = authentication.authenticate(new BearerTokenAuthenticationToken(token.strip()));
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.setAttribute(TOKEN, token.strip());
    return caller;
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
      // Not the token's fault: the session stays, the request goes on as anonymous.
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
    if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null) {
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
