package io.mooring.api.common.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the identity provider's key set through its OpenID discovery document, with a timeout
 * (Spring's own discovery has none), and checks that the document speaks for the configured issuer.
 */
final class ProviderDiscovery {
  private ProviderDiscovery() {}

  static String jwkSetUri(String issuer, Duration timeout) {
    URI document = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(document).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("The identity provider's discovery document " + document + " answered "
            + response.statusCode());
      }
      JsonNode body = JsonMapper.builder().build().readTree(response.body());
      if (!issuer.equals(body.path("issuer").asString(""))) {
        throw new IllegalStateException("The discovery document " + document + " names another issuer");
      }
      String jwks = body.path("jwks_uri").asString("");
      if (jwks.isEmpty()) {
        throw new IllegalStateException("The discovery document " + document + " has no jwks_uri");
      }
      return jwks;
    } catch (IOException e) {
      throw new IllegalStateException("The identity provider's discovery document " + document + " is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + document, e);
    }
  }
}
