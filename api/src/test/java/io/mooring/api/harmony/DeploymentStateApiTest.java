package io.mooring.api.harmony;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@code /service-deployments-state}, Harmony's enable/disable switch. */
class DeploymentStateApiTest extends EmbeddedMooringTest {

  @BeforeEach
  void enable() {
    http.put("/service-deployments-state", "{\"enabled\": true, \"message\": \"start of test\"}");
  }

  @Test
  void answersTheCurrentState() {
    assertThat(http.get("/service-deployments-state").body()).isEqualTo("{\"enabled\":true,\"message\":\"start of test\"}");
  }

  @Test
  void disablesWithTheGivenMessage() {
    Reply reply = http.put("/service-deployments-state", "{\"enabled\": false, \"message\": \"Manually disabled by David\"}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"enabled\":false,\"message\":\"Manually disabled by David\"}");
    assertThat(http.get("/service-deployments-state").body()).isEqualTo(reply.body());
  }

  @Test
  void namesTheCallerWhenNoMessageIsGiven() {
    assertThat(http.put("/service-deployments-state", "{\"enabled\": false}").body())
        .isEqualTo("{\"enabled\":false,\"message\":\"Manually disabled by bootstrap-admin\"}");
    assertThat(http.put("/service-deployments-state", "{\"enabled\": true}").body())
        .isEqualTo("{\"enabled\":true,\"message\":\"Manually enabled by bootstrap-admin\"}");
  }

  @Test
  void refusesToDisableWhatIsAlreadyDisabledInHarmonysWords() {
    http.put("/service-deployments-state", "{\"enabled\": false, \"message\": \"Manually disabled by coraline\"}");
    Reply reply = http.put("/service-deployments-state", "{\"enabled\": false}");
    assertProblem(reply, 423, "deployment-locked");
    assertThat(reply.detail()).isEqualTo(
        "Unable to acquire service deployment lock. Reason: Manually disabled by coraline. Try again later.");
  }

  @Test
  void enablingAlwaysSucceeds() {
    http.put("/service-deployments-state", "{\"enabled\": false}");
    assertThat(http.put("/service-deployments-state", "{\"enabled\": true}").status()).isEqualTo(200);
    assertThat(http.put("/service-deployments-state", "{\"enabled\": true}").status()).isEqualTo(200);
  }

  @Test
  void requiresEnabled() {
    Reply reply = http.put("/service-deployments-state", "{\"message\": \"hi\"}");
    assertProblem(reply, 400, "enabled-required");
    assertThat(reply.detail()).isEqualTo("'enabled' is a required body parameter");
  }

  @Test
  void acceptsOnlyTrueOrFalse() {
    Reply reply = http.put("/service-deployments-state", "{\"enabled\": \"false\"}");
    assertProblem(reply, 400, "invalid-enabled");
    assertThat(reply.detail()).isEqualTo("'enabled' can only take value of true or false");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void rejectsUnknownParametersAndNonStringMessages() {
    assertProblem(http.put("/service-deployments-state", "{\"enabled\": false, \"who\": \"me\"}"), 400, "unknown-parameter");
    assertProblem(http.put("/service-deployments-state", "{\"enabled\": false, \"message\": 7}"), 400, "invalid-message");
    assertProblem(http.put("/service-deployments-state", "{\"enabled\": false, \"message\": \"" + "x".repeat(4097) + "\"}"),
        400, "invalid-message");
    assertProblem(http.put("/service-deployments-state", "{\"enabled\": false, \"message\": \"" + " ".repeat(4097) + "\"}"),
        400, "invalid-message");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void rejectsMalformedJson() {
    assertProblem(http.put("/service-deployments-state", "{enabled: false"), 400, "malformed-body");
  }
}
