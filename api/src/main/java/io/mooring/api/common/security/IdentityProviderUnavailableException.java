package io.mooring.api.common.security;

import org.springframework.security.core.AuthenticationException;

/** A JWT could not be checked because the identity provider's keys could not be fetched: a 503. */
class IdentityProviderUnavailableException extends AuthenticationException {
  IdentityProviderUnavailableException(Throwable cause) {
    super("The identity provider is unavailable", cause);
  }
}
