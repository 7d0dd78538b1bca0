package io.mooring.api.common.security;

import io.mooring.api.common.errors.HttpProblems;
import io.mooring.api.common.errors.ProblemWriter;
import io.mooring.api.common.links.PublicLinks;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Every request but health needs a bearer token: a JWT from the configured
 * identity provider, or a pipeline token. Reading tags and Tutum's services and containers needs any
 * valid identity; deploying, history, status, logs, Tutum's actions, reading the gate and every
 * change to a Tutum object need {@code deployer}; changing the gate and managing tokens need {@code admin}.
 * Anything not listed needs a valid identity. HEAD is allowed wherever GET is.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

  private static final String DEPLOYER = Role.DEPLOYER.name();
  private static final String ADMIN = Role.ADMIN.name();

  /**
   * Health answers everyone, whatever credentials come with the request: a monitor with a stale
   * token must not see Mooring as down. A valid admin credential adds the details.
   */
  @Bean
  @Order(1)
  SecurityFilterChain health(HttpSecurity http, BearerAuthentication authentication) throws Exception {
    return http
        .securityMatcher("/actuator/health", "/actuator/health/**")
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new OptionalBearerAuthentication(authentication), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  /**
   * The dashboard: pages for people, logged in by a session that holds their token. The pages read;
   * every change they make is a call of the API below, with the same roles and answers.
   */
  @Bean
  @Order(2)
  SecurityFilterChain dashboard(HttpSecurity http, SessionLogin login,
      ObjectProvider<ClientRegistrationRepository> identityProviderClients,
      ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) throws Exception {
    if (identityProviderClients.getIfAvailable() != null) {
      // People log in at the identity provider; the access token it issues becomes the session's token.
      http.oauth2Login(oidc -> oidc
          .loginPage(DashboardPaths.LOGIN)
          .successHandler(new IdentityProviderLogin(login, authorizedClients.getObject()))
          .failureUrl(DashboardPaths.LOGIN + "?" + DashboardPaths.PROVIDER_FAILED));
    }
    return http
        .securityMatcher("/", "/ui", "/ui/**", "/assets/**", "/webjars/**", DashboardPaths.IDENTITY_PROVIDER[0],
            DashboardPaths.IDENTITY_PROVIDER[1])
        .securityContext(context -> context.securityContextRepository(login))
        .requestCache(cache -> cache.disable())
        .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(DashboardPaths.CONTENT_POLICY)))
        .authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
            .requestMatchers(DashboardPaths.PUBLIC).permitAll()
            .requestMatchers(DashboardPaths.IDENTITY_PROVIDER).permitAll()
            .requestMatchers(DashboardPaths.ADMINS).hasRole(ADMIN)
            .requestMatchers(DashboardPaths.DEPLOYERS).hasRole(DEPLOYER)
            .anyRequest().authenticated())
        .logout(logout -> logout
            .logoutUrl(DashboardPaths.LOGOUT)
            .logoutSuccessUrl(DashboardPaths.LOGIN + "?logged-out")
            .deleteCookies(DashboardPaths.SESSION_COOKIE))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(DashboardPaths::toLogin)
            .accessDeniedHandler(DashboardPaths::forbidden))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, BearerAuthentication authentication,
      SessionLogin login, PublicLinks links, ObjectProvider<IdentityProvider> identityProvider) throws Exception {
    ProblemWriter problems = new ProblemWriter();
    AuthenticationManager manager = authentication::authenticate;
    http
        // A bearer request proves itself; the dashboard's calls ride on its session's cookie, and
        // those need the session's CSRF token for every change.
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SessionLogin::needsCsrfToken))
        // A request's own credential first (kept for its async dispatches, such as event streams),
        // then the session's.
        .securityContext(context -> context.securityContextRepository(
            new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), login)))
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .authorizeHttpRequests(requests -> {
          // The error page renders problem details for failures that already happened; it grants nothing.
          requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
          requests.requestMatchers("/error").permitAll();
          if (settings.publicMetrics()) {
            requests.requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus").permitAll();
          }
          if (settings.publicApiDocs()) {
            requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
          }
          requests
              .requestMatchers(reading("/service-image-tag", "/service-image-tag/*")).authenticated()
              .requestMatchers(HttpMethod.PUT, "/service-image-tag/*").hasRole(DEPLOYER)
              .requestMatchers("/service-deployment", "/service-deployment/**").hasRole(DEPLOYER)
              .requestMatchers("/deployment-logs/**").hasRole(DEPLOYER)
              .requestMatchers(reading("/service-deployments-state")).hasRole(DEPLOYER)
              .requestMatchers("/service-deployments-state").hasRole(ADMIN)
              .requestMatchers("/api-tokens", "/api-tokens/**").hasRole(ADMIN)
              // Actions carry request bodies and deployment logs, logs carry containers' output: as
              // Harmony's history and logs, they are a deployer's to read.
              .requestMatchers(reading("/api/v1/action", "/api/v1/action/**", "/api/v1/service/*/logs",
                  "/api/v1/service/*/logs/", "/api/v1/container/*/logs", "/api/v1/container/*/logs/")).hasRole(DEPLOYER)
              .requestMatchers(reading("/api/v1/**")).authenticated()
              .requestMatchers("/api/v1/**").hasRole(DEPLOYER)
              // registrywatcher's health check is for load balancers; its reads are any identity's.
              .requestMatchers(reading("/ping", "/ping/")).permitAll()
              .requestMatchers(reading("/images/**", "/image/**", "/repos", "/repos/", "/tags/*", "/outdated")).authenticated()
              .requestMatchers("/tags/**").hasRole(DEPLOYER)
              .anyRequest().authenticated();
        })
        .oauth2ResourceServer(resourceServer -> resourceServer
            .authenticationManagerResolver(request -> manager)
            .authenticationEntryPoint(unauthenticated(problems, links))
            .accessDeniedHandler(forbidden(problems))
            // RFC 9728's document, public as the RFC intends, and true: no certificate-bound tokens.
            .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(document -> {
              document.resource(links.root()).resourceName("Mooring").tlsClientCertificateBoundAccessTokens(false);
              identityProvider.ifAvailable(provider -> document.authorizationServer(provider.issuer()));
            })))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(unauthenticated(problems, links))
            .accessDeniedHandler(forbidden(problems)));
    return http.build();
  }

  /** GET and HEAD of these paths: a HEAD is a GET without the body, and needs no more or less. */
  private static RequestMatcher reading(String... paths) {
    var matchers = new java.util.ArrayList<RequestMatcher>();
    for (String path : paths) {
      matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path));
      matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, path));
    }
    return new OrRequestMatcher(matchers);
  }

  /**
   * 401 with the standard {@code WWW-Authenticate: Bearer …} header and a problem body; 503 when
   * the credential could not be checked because the token store or the identity provider is down.
   */
  private static AuthenticationEntryPoint unauthenticated(ProblemWriter problems, PublicLinks links) {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    bearer.setResourceMetadataParameterResolver(request -> links.resourceMetadata());
    return (request, response, failure) -> {
      // A session's token that could not be checked counts as the credential it is.
      AuthenticationException cause = SessionLogin.uncheckable(request) ? SessionLogin.uncheckableBecause(request) : failure;
      if (cause instanceof TokenStoreUnavailableException) {
        problems.write(request, response, HttpProblems.databaseUnavailable());
        return;
      }
      if (cause instanceof IdentityProviderUnavailableException) {
        problems.write(request, response, HttpProblems.identityProviderUnavailable());
        return;
      }
      bearer.commence(request, response, failure);
      boolean tokenSent = request.getHeader("Authorization") != null;
      problems.write(request, response, HttpStatus.UNAUTHORIZED, tokenSent ? "invalid-token" : "unauthenticated", tokenSent
          ? "The bearer token is not valid: " + failure.getMessage()
          : "Authentication required: send 'Authorization: Bearer <token>'");
    };
  }

  /** 403 in Harmony's words; a dashboard change without its CSRF token is told apart. */
  private static AccessDeniedHandler forbidden(ProblemWriter problems) {
    return (request, response, denied) -> {
      if (denied instanceof CsrfException) {
        problems.write(request, response, HttpProblems.csrfTokenMissing());
        return;
      }
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      String name = caller == null ? "anonymous" : caller.getName();
      problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
          "User " + name + " does not have permission to access this resource");
    };
  }
}
