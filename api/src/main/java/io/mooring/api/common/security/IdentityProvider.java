package io.mooring.api.common.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.util.function.BooleanSupplier;

/**
 * The identity provider people's JWTs come from: who issues them, how they are checked, and
 * whether its key set answered the last time it was fetched (so a token that cannot be checked
 * during an outage is told apart from one signed with a key the provider does not have).
 */
record IdentityProvider(String issuer, JwtDecoder decoder, BooleanSupplier keysReachable) {}
