package io.mooring.api.harmony;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.deployments.DeploymentQuery;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract of {@code /service-image-tag}: every answer Harmony gives, in Harmony's words. */
class ServiceImageTagApiTest extends EmbeddedMooringTest {

  private static final String RULE = "A tag name may contain lowercase and uppercase characters, digits, "
      + "underscores, periods and dashes. A tag name may not start with a period or a dash and may contain "
      + "a maximum of 128 characters.";

  @Autowired DeploymentStore deployments;
  private int historyBefore;

  @BeforeEach
  void openTheGate() {
    assertThat(http.put("/service-deployments-state", "{\"enabled\": true}").status()).isEqualTo(200);
    historyBefore = history();
  }

  @Test
  void listsEveryServiceWithItsTagSortedByName() {
    Reply reply = http.get("/service-image-tag");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).startsWith("{\"api\":\"0.9.0\",").endsWith(",\"web\":\"1.0.0\"}");
    List<String> names = new ArrayList<>(reply.json().propertyNames());
    // Services created through Tutum's API by other suites sharing this Mooring are listed too.
    assertThat(names).contains("api", "fleet-000", "fleet-099", "offline", "web").isSorted();
  }

  @Test
  void answersARegistryThatDoesNotAnswerWith503AndStoresNothing() {
    Reply reply = http.put("/service-image-tag/offline", "{\"tag\": \"1.1.0\"}");
    assertRejected(reply, 503, "registry-unavailable", null);
    assertThat(reply.detail()).startsWith("127.0.0.1:" + CLOSED_PORT + "/demo/web:1.1.0 is unreachable: Registry 127.0.0.1:"
        + CLOSED_PORT + " did not answer");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void answersTheTagOfOneService() {
    assertThat(http.get("/service-image-tag/web").body()).isEqualTo("{\"tag\":\"1.0.0\"}");
  }

  @Test
  void answersAnUnknownServiceWithHarmonysSentenceListingTheServices() {
    Reply reply = http.get("/service-image-tag/nope");
    assertProblem(reply, 404, "unknown-service");
    assertThat(reply.detail()).startsWith("Service nope does not exist.\nThe existing services and their images are\n{")
        .contains("\"web\" : \"" + REGISTRY.host() + "/demo/web:1.0.0\"");
  }

  @Test
  void rejectsABodyWithoutATag() {
    assertRejected(http.put("/service-image-tag/web", "{\"regression_test_version\": \"1.0.0\"}"), 400,
        "tag-required", "'tag' is a required body parameter");
  }

  @Test
  void rejectsAnEmptyBody() {
    assertRejected(http.put("/service-image-tag/web", ""), 400, "tag-required", "'tag' is a required body parameter");
  }

  @Test
  void rejectsAnEmptyTag() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"\"}"), 400, "tag-required",
        "'tag' is a required body parameter");
  }

  @Test
  void rejectsMalformedJson() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": "), 400, "malformed-body",
        "The request body is not valid JSON");
  }

  @Test
  void rejectsAJsonArrayBody() {
    assertRejected(http.put("/service-image-tag/web", "[\"1.0.0\"]"), 400, "tag-required",
        "'tag' is a required body parameter");
  }

  @Test
  void rejectsUnknownBodyParametersNamingThem() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"1.1.0\", \"force\": true, \"env\": {}}"), 400,
        "unknown-parameter", "Unknown body parameter(s): 'env', 'force'. Only 'tag' and 'regression_test_version' are allowed.");
  }

  @Test
  void checksThatTheServiceExistsBeforeTheTagSyntax() {
    assertRejected(http.put("/service-image-tag/nope", "{\"tag\": \"-bad\"}"), 404, "unknown-service", null);
  }

  @Test
  void rejectsTagStartingWithADash() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"-1.0\"}"), 400, "invalid-tag", RULE);
  }

  @Test
  void rejectsTagStartingWithAPeriod() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \".1.0\"}"), 400, "invalid-tag", RULE);
  }

  @Test
  void rejectsTagOf129Characters() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"" + "a".repeat(129) + "\"}"), 400, "invalid-tag", RULE);
  }

  @Test
  void rejectsTagWithASlashOrColon() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"1.0/evil\"}"), 400, "invalid-tag", RULE);
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"1.0:x\"}"), 400, "invalid-tag", RULE);
  }

  @Test
  void rejectsATagThatIsNotAString() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": 110}"), 400, "invalid-tag", RULE);
  }

  @Test
  void rejectsAnInvalidRegressionTestVersion() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"1.1.0\", \"regression_test_version\": \"..\"}"), 400,
        "invalid-regression-test-version", "'regression_test_version' is not a valid tag. " + RULE);
  }

  @Test
  void acceptsATagOf128CharactersAndThenChecksTheRegistry() {
    String tag = "a".repeat(128);
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"" + tag + "\"}"), 404, "image-unreachable",
        REGISTRY.host() + "/demo/web:" + tag + " is unreachable");
  }

  @Test
  void rejectsAnUnreachableImageWithHarmonysSentence() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"9.9.9\"}"), 404, "image-unreachable",
        REGISTRY.host() + "/demo/web:9.9.9 is unreachable");
  }

  @Test
  void rejectsAnUnreachableRegressionTestImage() {
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"1.1.0\", \"regression_test_version\": \"4.0.0\"}"),
        404, "image-unreachable", REGISTRY.host() + "/demo/web-tests:4.0.0 is unreachable");
  }

  @Test
  void checksThatDeploymentIsEnabledBeforeTheRegistry() {
    http.put("/service-deployments-state", "{\"enabled\": false, \"message\": \"Harmony deployment in progress\"}");
    assertRejected(http.put("/service-image-tag/web", "{\"tag\": \"9.9.9\"}"), 423, "deployment-disabled",
        "Service deployment is disabled. Reason: Harmony deployment in progress.");
  }

  @Test
  void rejectsAQueueFlagThatIsNotABoolean() {
    assertRejected(http.put("/service-image-tag/web?queue=soon", "{\"tag\": \"1.1.0\"}"), 400, "invalid-parameter",
        "'queue' has an invalid value: 'soon'; it takes true or false");
  }

  private void assertRejected(Reply reply, int status, String code, String detail) {
    assertProblem(reply, status, code);
    if (detail != null) {
      assertThat(reply.detail()).isEqualTo(detail);
    }
    assertThat(history()).as("nothing is stored for a rejected request").isEqualTo(historyBefore);
  }

  private int history() {
    return deployments.find(new DeploymentQuery(null, null, 500, null)).size();
  }
}
