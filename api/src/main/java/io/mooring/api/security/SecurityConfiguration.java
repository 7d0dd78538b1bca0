package io.mooring.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may do what. Every request but health needs a bearer token: a JWT from the configured
 * identity provider, or a pipeline token. Reading tags needs any valid identity; deploying,
 * history, status, logs and reading the gate need {@code deployer}; changing the gate and managing
 * tokens need {@code admin}. Anything not listed needs a valid identity.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

  private static final String DEPLOYER = Role.DEPLOYER.name();
  private static final String ADMIN = Role.ADMIN.name();

  @Bean
  SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, PipelineTokens tokens,
      ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
    AuthenticationManager authentication = authenticationManager(settings, tokens, jwtDecoder.getIfAvailable());
    ProblemWriter problems = new ProblemWriter();
    http
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
          if (settings.publicMetrics()) {
            requests.requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus").permitAll();
          }
          if (settings.publicApiDocs()) {
            requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
          }
          requests
              .requestMatchers(HttpMethod.GET, "/service-image-tag", "/service-image-tag/*").authenticated()
              .requestMatchers(HttpMethod.PUT, "/service-image-tag/*").hasRole(DEPLOYER)
              .requestMatchers("/service-deployment", "/service-deployment/**").hasRole(DEPLOYER)
              .requestMatchers("/deployment-logs/**").hasRole(DEPLOYER)
              .requestMatchers(HttpMethod.GET, "/service-deployments-state").hasRole(DEPLOYER)
              .requestMatchers("/service-deployments-state").hasRole(ADMIN)
              .requestMatchers("/api-tokens", "/api-tokens/**").hasRole(ADMIN)
              .anyRequest().authenticated();
        })
        .oauth2ResourceServer(resourceServer -> resourceServer
            .authenticationManagerResolver(request -> authentication)
            .authenticationEntryPoint(unauthenticated(problems))
            .accessDeniedHandler(forbidden(problems)))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(unauthenticated(problems))
            .accessDeniedHandler(forbidden(problems)));
    return http.build();
  }

  /** Mooring's own tokens go to the token store, everything else to the identity provider, if any. */
  private static AuthenticationManager authenticationManager(
      SecuritySettings settings, PipelineTokens tokens, JwtDecoder jwtDecoder) {
    AuthenticationProvider pipeline = new PipelineTokenAuthenticationProvider(tokens);
    JwtAuthenticationProvider jwt = jwtDecoder == null ? null : new JwtAuthenticationProvider(jwtDecoder);
    if (jwt != null) {
      jwt.setJwtAuthenticationConverter(new GroupRoles(settings));
    }
    return authentication -> {
      String token = ((BearerTokenAuthenticationToken) authentication).getToken();
      if (PipelineTokens.looksLikeOurs(token)) {
        return pipeline.authenticate(authentication);
      }
      if (jwt == null) {
        throw new InvalidBearerTokenException("Only pipeline tokens are accepted: no identity provider is configured");
      }
      return jwt.authenticate(authentication);
    };
  }

  /** 401 with the standard {@code WWW-Authenticate: Bearer …} header and a problem body. */
  private static AuthenticationEntryPoint unauthenticated(ProblemWriter problems) {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, failure) -> {
      if (failure instanceof TokenStoreUnavailableException) {
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
            "The database is unavailable right now; nothing was changed. Try again shortly.");
        return;
      }
      bearer.commence(request, response, failure);
      boolean tokenSent = request.getHeader("Authorization") != null;
      problems.write(request, response, HttpStatus.UNAUTHORIZED, tokenSent ? "invalid-token" : "unauthenticated", tokenSent
          ? "The bearer token is not valid: " + failure.getMessage()
          : "Authentication required: send 'Authorization: Bearer <token>'");
    };
  }

  /** 403 in Harmony's words. */
  private static AccessDeniedHandler forbidden(ProblemWriter problems) {
    return (request, response, denied) -> {
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      String name = caller == null ? "anonymous" : caller.getName();
      problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
          "User " + name + " does not have permission to access this resource");
    };
  }
}
