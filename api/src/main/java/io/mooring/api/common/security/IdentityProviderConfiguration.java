package io.mooring.api.common.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import com.nimbusds.jose.util.health.HealthStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How people's JWTs are checked, when an identity provider is configured with Spring's usual
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings: signature against the provider's
 * key set, issuer (always required), audience, an expiry that must be there, and a name to record.
 *
 * <p>The key set is cached and refetched at most every 30 s, over connections with short timeouts,
 * so tokens with made-up key ids cannot make Mooring hammer the provider, and a provider that hangs
 * costs a JWT caller at most a few seconds before a 503, never pipeline tokens or health.
 */
@Configuration
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' != ''"
    + " or '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' != ''")
class IdentityProviderConfiguration {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  static final Duration KEYS_KEPT = Duration.ofMinutes(5);
  static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(30);
  static final Duration STALE_KEYS_SERVE_FOR = Duration.ofHours(1);

  @Bean
  IdentityProvider identityProvider(OAuth2ResourceServerProperties properties, SecuritySettings settings) {
    var jwt = properties.getJwt();
    String issuer = jwt.getIssuerUri();
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri is set but issuer-uri is"
          + " not: without an issuer, a token from any issuer that uses the same keys would be accepted. Set"
          + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to your identity provider's issuer.");
    }
    String jwkSetUri = jwt.getJwkSetUri();
    OAuth2TokenValidator<Jwt> validator = validator(issuer, jwt.getAudiences(), settings.usernameClaim());
    AtomicBoolean reachable = new AtomicBoolean(true);
    // Discovery (issuer only) needs the provider; done on first use, so Mooring starts while it is down.
    JwtDecoder decoder = new SupplierJwtDecoder(() -> {
      try {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(keys(jwkSetUri == null || jwkSetUri.isBlank()
            ? ProviderDiscovery.jwkSetUri(issuer, CONNECT_TIMEOUT.plus(READ_TIMEOUT)) : jwkSetUri, reachable)).build();
        nimbus.setJwtValidator(validator);
        return nimbus;
      } catch (IllegalStateException unreachable) {
        reachable.set(false);
        throw unreachable;
      }
    });
    return new IdentityProvider(issuer, decoder, reachable::get);
  }

  @Bean
  JwtDecoder jwtDecoder(IdentityProvider provider) {
    return provider.decoder();
  }

  private static JWKSource<SecurityContext> keys(String jwkSetUri, AtomicBoolean reachable) {
    URL url;
    try {
      url = URI.create(jwkSetUri).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("The JWK set URI '" + jwkSetUri + "' is not a URL", e);
    }
    var retriever = new DefaultResourceRetriever(
        (int) CONNECT_TIMEOUT.toMillis(), (int) READ_TIMEOUT.toMillis(), 512 * 1024);
    return JWKSourceBuilder.<SecurityContext>create(url, retriever)
        .cache(KEYS_KEPT.toMillis(), CONNECT_TIMEOUT.plus(READ_TIMEOUT).toMillis())
        .rateLimited(REFETCH_AT_MOST_EVERY.toMillis())
        .outageTolerant(STALE_KEYS_SERVE_FOR.toMillis())
        .healthReporting(report -> reachable.set(report.getHealthStatus() == HealthStatus.HEALTHY))
        .build();
  }

  static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> audiences, String usernameClaim) {
    List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
    checks.add(new JwtTimestampValidator());
    checks.add(new JwtIssuerValidator(issuer));
    checks.add(token -> token.getClaim(JwtClaimNames.EXP) instanceof Instant ? OAuth2TokenValidatorResult.success()
        : invalid("The token has no 'exp' (expiry) claim; Mooring accepts only tokens that expire"));
    if (audiences != null && !audiences.isEmpty()) {
      checks.add(token -> token.getAudience() != null && token.getAudience().stream().anyMatch(audiences::contains)
          ? OAuth2TokenValidatorResult.success()
          : invalid("The token is not meant for Mooring: its audience is not one of " + audiences));
    }
    checks.add(token -> {
      Object name = token.getClaims().get(usernameClaim);
      return name instanceof String text && !text.isBlank() ? OAuth2TokenValidatorResult.success()
          : invalid("The token has no '" + usernameClaim + "' claim naming the caller, which Mooring records");
    });
    return new DelegatingOAuth2TokenValidator<>(checks);
  }

  private static OAuth2TokenValidatorResult invalid(String description) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
  }
}
