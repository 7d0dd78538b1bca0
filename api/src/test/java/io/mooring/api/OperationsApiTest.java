package io.mooring.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.Http.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and tools read besides the deployment API: health and the OpenAPI document. */
class OperationsApiTest extends EmbeddedMooringTest {

  @Test
  void healthSaysDockerIsDownAndWhereItWasExpectedWithoutCredentials() {
    JsonNode docker = http.authorization(null).get("/actuator/health").json().get("components").get("docker");
    assertThat(docker.get("status").asString()).isEqualTo("DOWN");
    assertThat(docker.get("details").get("endpoint").asString()).isEqualTo(MISSING_DOCKER);
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
