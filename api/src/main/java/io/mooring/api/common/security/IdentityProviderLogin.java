package io.mooring.api.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The end of a login through the identity provider (OIDC, authorization code): the access token
 * it issued becomes the session's token, exactly as if the person had pasted it into the form. The
 * API then judges every request of the session by that token, with the same issuer, audience and
 * groups claim as any bearer request; the provider's sign-in itself grants nothing more.
 */
final class IdentityProviderLogin implements AuthenticationSuccessHandler {

  private final SessionLogin login;
  private final OAuth2AuthorizedClientRepository authorizedClients;

  IdentityProviderLogin(SessionLogin login, OAuth2AuthorizedClientRepository authorizedClients) {
    this.login = login;
    this.authorizedClients = authorizedClients;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    OAuth2AuthenticationToken signedIn = (OAuth2AuthenticationToken) authentication;
    String registration = signedIn.getAuthorizedClientRegistrationId();
    OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(registration, authentication, request);
    // Mooring keeps the token in its session; the client's copy is not needed any more.
    authorizedClients.removeAuthorizedClient(registration, authentication, request, response);
    SecurityContextHolder.clearContext();
    try {
      login.logIn(request, client.getAccessToken().getTokenValue());
      response.sendRedirect(request.getContextPath() + "/");
    } catch (AuthenticationException refused) {
      response.sendRedirect(request.getContextPath() + DashboardPaths.LOGIN + "?" + DashboardPaths.PROVIDER_TOKEN_REFUSED);
    }
  }
}
