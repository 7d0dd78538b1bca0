package io.mooring.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.Http.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** What operators and tools read besides the deployment API: health and the OpenAPI document. */
class OperationsApiTest extends EmbeddedMooringTest {

  @Test
  void healthTellsAnAdminThatDockerIsDownAndWhereItWasExpected() {
    JsonNode docker = http.get("/actuator/health").json().get("components").get("docker");
    assertThat(docker.get("status").asString()).isEqualTo("DOWN");
    assertThat(docker.get("details").get("endpoint").asString()).isEqualTo(MISSING_DOCKER);
  }

  @Test
  void healthTellsAnyoneElseTheStatusOnly() {
    Reply anonymous = http.authorization(null).get("/actuator/health");
    assertThat(anonymous.json().has("status")).isTrue();
    assertThat(anonymous.json().has("components")).isFalse();
    assertThat(anonymous.body()).doesNotContain(dataDirectory().toString()).doesNotContain("docker.sock");
    Reply deployer = http.bearer(IDENTITY.token("dana", List.of("Harmony Service Deployers"))).get("/actuator/health");
    assertThat(deployer.json().has("components")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer stale", "Bearer mooring_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer ",
      "Basic YWRtaW46YWRtaW4=", "Bearer eyJhbGciOiJub25lIn0.e30."})
  void healthIgnoresCredentialsItCannotUse(String authorization) {
    Reply reply = http.authorization(authorization).get("/actuator/health");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 503);
    assertThat(reply.json().get("status").asString()).isNotBlank();
    assertThat(reply.json().has("components")).isFalse();
  }

  @Test
  void healthIgnoresAnExpiredToken() {
    Reply reply = http.bearer(IDENTITY.expired("ada", List.of("Harmony Core Permissions"))).get("/actuator/health");
    assertThat(reply.status()).isIn(200, 503);
    assertThat(reply.json().has("components")).isFalse();
  }

  @Test
  void keepsTheOpenApiDocumentForAuthenticatedCallersByDefault() {
    assertThat(http.authorization(null).get("/v3/api-docs").status()).isEqualTo(401);
  }

  @Test
  void servesAnOpenApiDocumentThatDescribesEveryEndpoint() {
    Reply reply = http.get("/v3/api-docs");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode paths = reply.json().get("paths");
    List<String> expected = List.of(
        "/service-image-tag", "/service-image-tag/{service}", "/service-deployment", "/service-deployment/{id}",
        "/service-deployment/{id}/cancel", "/service-deployments-state", "/deployment-logs/{id}", "/api-tokens",
        "/api-tokens/{name}");
    assertThat(paths.propertyNames()).containsAll(expected);
    assertThat(paths.get("/service-image-tag/{service}").has("put")).isTrue();
    assertThat(paths.get("/service-deployments-state").has("put")).isTrue();
    assertThat(paths.get("/service-deployment/{id}/cancel").has("post")).isTrue();
  }
}
