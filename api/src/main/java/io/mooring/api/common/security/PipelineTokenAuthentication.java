package io.mooring.api.common.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a pipeline token; the principal is the token's name. */
class PipelineTokenAuthentication extends AbstractAuthenticationToken {

  private final PipelineToken token;

  PipelineTokenAuthentication(PipelineToken token) {
    super(token.role().authorities());
    this.token = token;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return token.name();
  }

  @Override
  public String getName() {
    return token.name();
  }
}
