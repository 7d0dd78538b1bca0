package io.mooring.api.common.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who gets which role, and what is open without credentials. Token validation itself (issuer,
 * JWK set, audiences) uses Spring's {@code spring.security.oauth2.resourceserver.jwt.*} settings.
 *
 * @param groupsClaim the JWT claim that holds the caller's group names
 * @param usernameClaim the JWT claim recorded as the deployment's username
 * @param deployerGroups groups whose members may deploy (Harmony's "Service Deployers")
 * @param adminGroups groups whose members are admins (Harmony's "Core Permissions")
 * @param publicApiDocs serve the OpenAPI document and Swagger UI without credentials
 * @param publicMetrics serve the metrics endpoints (when exposed) without credentials
 * @param bootstrapToken create an admin token on first start when there is none
 */
@ConfigurationProperties("mooring.security")
public record SecuritySettings(
    String groupsClaim,
    String usernameClaim,
    List<String> deployerGroups,
    List<String> adminGroups,
    boolean publicApiDocs,
    boolean publicMetrics,
    Boolean bootstrapToken) {

  public SecuritySettings {
    groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
    usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "sub" : usernameClaim;
    deployerGroups = deployerGroups == null ? List.of("Harmony Service Deployers") : List.copyOf(deployerGroups);
    adminGroups = adminGroups == null ? List.of("Harmony Core Permissions") : List.copyOf(adminGroups);
    bootstrapToken = bootstrapToken == null || bootstrapToken;
  }
}
