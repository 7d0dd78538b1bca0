package io.mooring.api.common.security;

import org.springframework.security.core.AuthenticationException;

/** The token could not be checked because the database did not answer: a 503, not a 401. */
class TokenStoreUnavailableException extends AuthenticationException {
  TokenStoreUnavailableException(Throwable cause) {
    super("The token store is unavailable", cause);
  }
}
