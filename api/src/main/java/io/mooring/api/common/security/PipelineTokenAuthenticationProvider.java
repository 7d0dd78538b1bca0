package io.mooring.api.common.security;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Checks bearer tokens that carry Mooring's prefix against the stored hashes. */
class PipelineTokenAuthenticationProvider implements AuthenticationProvider {

  private final PipelineTokens tokens;

  PipelineTokenAuthenticationProvider(PipelineTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
    if (!PipelineTokens.looksLikeOurs(secret)) {
      return null;
    }
    try {
      return tokens.authenticate(secret)
          .<Authentication>map(PipelineTokenAuthentication::new)
          .orElseThrow(() -> new InvalidBearerTokenException("The pipeline token is unknown or revoked"));
    } catch (DataAccessException databaseDown) {
      throw new TokenStoreUnavailableException(databaseDown);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
