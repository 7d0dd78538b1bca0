package io.mooring.api.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For endpoints open to everyone: a valid bearer token identifies the caller, a missing, stale or
 * malformed one is ignored and the request goes on anonymously, never refused.
 */
class OptionalBearerAuthentication extends OncePerRequestFilter {

  private final BearerAuthentication authentication;
  private final DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();

  OptionalBearerAuthentication(BearerAuthentication authentication) {
    this.authentication = authentication;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      String token = tokens.resolve(request);
      if (token != null) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.authenticate(new BearerTokenAuthenticationToken(token)));
        SecurityContextHolder.setContext(context);
      }
    } catch (AuthenticationException ignored) {
      // Anonymous, as if no token had been sent.
    }
    chain.doFilter(request, response);
  }
}
