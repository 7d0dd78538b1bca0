package io.mooring.api.common.security;

import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Checks a bearer token: Mooring's own tokens against the token store, everything else as a JWT
 * of the identity provider, if one is configured. A provider that cannot be reached is told apart
 * from a bad token, so the caller hears 503 rather than a false 401.
 */
@Component
class BearerAuthentication {

  private final AuthenticationProvider pipeline;
  private final JwtAuthenticationProvider jwt;
  private final IdentityProvider provider;

  BearerAuthentication(PipelineTokens tokens, SecuritySettings settings, ObjectProvider<IdentityProvider> identityProvider) {
    this.pipeline = new PipelineTokenAuthenticationProvider(tokens);
    this.provider = identityProvider.getIfAvailable();
    this.jwt = provider == null ? null : new JwtAuthenticationProvider(provider.decoder());
    if (jwt != null) {
      jwt.setJwtAuthenticationConverter(new GroupRoles(settings));
    }
  }

  Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    if (PipelineTokens.looksLikeOurs(token)) {
      return pipeline.authenticate(authentication);
    }
    if (jwt == null) {
      throw new InvalidBearerTokenException("Only pipeline tokens are accepted: no identity provider is configured");
    }
    try {
      return jwt.authenticate(authentication);
    } catch (AuthenticationServiceException | JwtDecoderInitializationException unchecked) {
      if (causedBy(unchecked, RateLimitReachedException.class) && provider.keysReachable().getAsBoolean()) {
        // A key id the provider's current key set does not have, asked again too soon to refetch.
        throw new InvalidBearerTokenException("The token is signed with a key the identity provider does not publish");
      }
      throw new IdentityProviderUnavailableException(unchecked);
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
