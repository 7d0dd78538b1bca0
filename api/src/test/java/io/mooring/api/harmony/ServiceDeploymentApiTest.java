package io.mooring.api.harmony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** History, status, cancel and logs of deployments. */
class ServiceDeploymentApiTest extends EmbeddedMooringTest {

  @Autowired DeploymentStore deployments;

  @BeforeEach
  void enable() {
    http.put("/service-deployments-state", "{\"enabled\": true}");
  }

  @Test
  void anAcceptedDeploymentFailsClearlyWhenNoDockerEngineAnswers() {
    String pipeline = "ci-" + UUID.randomUUID().toString().substring(0, 8);
    Reply token = http.post("/api-tokens", "{\"name\": \"" + pipeline + "\", \"role\": \"deployer\"}");
    Reply accepted = http.bearer(token.json().get("token").asString())
        .put("/service-image-tag/web", "{\"tag\": \"1.1.0\"}");

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String statusLink = accepted.json().get("statusLink").asString();
    assertThat(accepted.json().get("tag").asString()).isEqualTo("1.1.0");
    assertThat(statusLink).matches(PUBLIC_URL + "/service-deployment/[0-9a-f-]{36}");
    String id = statusLink.substring(statusLink.lastIndexOf('/') + 1);

    JsonNode finished = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
        .until(() -> http.get("/service-deployment/" + id).json(), d -> !d.get("status").asString().equals("running"));
    assertThat(finished.get("status").asString()).isEqualTo("failed");
    assertThat(finished.get("message").asString())
        .startsWith("Failed service deployment for deploymentId: " + id + ". Error: Docker Engine at " + MISSING_DOCKER)
        .endsWith("Nothing was changed.");
    assertThat(finished.get("username").asString()).as("the pipeline token's name").isEqualTo(pipeline);
    assertThat(finished.get("regressionTestVersion").asString()).isEqualTo("latest");
    assertThat(finished.get("previousTag").asString()).isEqualTo("1.0.0");
    assertThat(finished.get("digest").asString()).isEqualTo("sha256:" + "11".repeat(32));
    assertThat(finished.get("rolledBack").asBoolean()).isFalse();
    assertThat(http.get("/service-image-tag/web").body()).isEqualTo("{\"tag\":\"1.0.0\"}");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();

    // As Harmony answers: an array of strings.
    List<String> lines = new ArrayList<>();
    http.get("/deployment-logs/" + id).json().forEach(l -> lines.add(l.asString()));
    assertThat(lines.get(0)).startsWith("Deployment of web 1.0.0 -> 1.1.0 requested by " + pipeline);
    assertThat(lines).contains("Took the service deployment lock");
    assertThat(lines.get(lines.size() - 1)).isEqualTo(finished.get("message").asString());

    JsonNode timestamped = http.get("/deployment-logs/" + id + "?timestamps=true").json();
    assertThat(timestamped).hasSize(lines.size());
    assertThat(timestamped.get(0).get("line").asString()).isEqualTo(lines.get(0));
    assertThat(Instant.parse(timestamped.get(0).get("at").asString())).isBefore(Instant.now().plusSeconds(1));

    Reply stream = http.get("/deployment-logs/" + id, "text/event-stream");
    assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
    assertThat(stream.body()).contains("event:line").contains("Took the service deployment lock")
        .contains("event:end").contains("\"status\":\"failed\"");

    // A reconnecting browser names the last line it has: the stream resumes after it, nothing twice.
    Matcher firstId = Pattern.compile("id:(\\d+)").matcher(stream.body());
    assertThat(firstId.find()).isTrue();
    Reply resumed = http.send(HttpRequest.newBuilder(URI.create(http.root() + "/deployment-logs/" + id))
        .header("Accept", "text/event-stream").header("Last-Event-ID", firstId.group(1)).GET());
    assertThat(resumed.body()).doesNotContain(lines.get(0)).contains("Took the service deployment lock").contains("event:end");
  }

  @Test
  void listsHistoryNewestFirstInPagesLinkedByANextHeader() {
    String service = "paging-" + UUID.randomUUID().toString().substring(0, 8);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID id = UUID.randomUUID();
      ids.add(0, id);
      Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
      deployments.open(new DeploymentRecord(id, "alice", service, "1." + i, "latest", DeploymentStatus.SUCCESSFUL,
          "finished", "done", null, null, false, at, at, "person"));
    }

    List<String> seen = new ArrayList<>();
    String next = "/service-deployment?service=" + service + "&limit=2";
    int pages = 0;
    while (next != null) {
      Reply page = http.get(next);
      assertThat(page.status()).isEqualTo(200);
      page.json().forEach(d -> seen.add(d.get("deploymentId").asString()));
      String link = page.header("Link");
      next = link == null ? null : URI.create(link.substring(1, link.indexOf('>'))).getRawPath() + "?"
          + URI.create(link.substring(1, link.indexOf('>'))).getRawQuery();
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
  }

  @Test
  void filtersByStatusCaseInsensitively() {
    Reply reply = http.get("/service-deployment?status=SUCCESSFUL&limit=500");
    assertThat(reply.status()).isEqualTo(200);
    reply.json().forEach(d -> assertThat(d.get("status").asString()).isEqualTo("successful"));
  }

  @Test
  void rejectsAnUnknownStatusInHarmonysWords() {
    Reply reply = http.get("/service-deployment?status=Done");
    assertProblem(reply, 400, "invalid-status");
    assertThat(reply.detail()).isEqualTo(
        "\"done\" is not a valid deployment status. Valid statuses are [\"running\",\"successful\",\"failed\"]");
  }

  @Test
  void rejectsABadLimitOrCursor() {
    assertProblem(http.get("/service-deployment?limit=0"), 400, "invalid-limit");
    assertProblem(http.get("/service-deployment?limit=501"), 400, "invalid-limit");
    assertProblem(http.get("/service-deployment?limit=ten"), 400, "invalid-limit");
    assertProblem(http.get("/service-deployment?cursor=not-a-cursor"), 400, "invalid-cursor");
  }

  @Test
  void rejectsADeploymentIdThatIsNotAUuid() {
    Reply reply = http.get("/service-deployment/12345");
    assertProblem(reply, 400, "invalid-deployment-id");
    assertProblem(http.get("/deployment-logs/12345"), 400, "invalid-deployment-id");
    assertProblem(http.post("/service-deployment/12345/cancel", ""), 400, "invalid-deployment-id");
  }

  @Test
  void answersAnUnknownDeploymentWithHarmonysSentence() {
    Reply reply = http.get("/service-deployment/" + UUID.randomUUID());
    assertProblem(reply, 404, "unknown-deployment");
    assertThat(reply.detail()).isEqualTo("Deployment does not exist");
    assertProblem(http.get("/deployment-logs/" + UUID.randomUUID()), 404, "unknown-deployment");
    assertProblem(http.post("/service-deployment/" + UUID.randomUUID() + "/cancel", ""), 404, "unknown-deployment");
  }

  @Test
  void showsAFinishedDeploymentWithHarmonysFields() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2024-03-29T14:56:29.151Z");
    deployments.open(new DeploymentRecord(id, "yliu10", "web", "new-version", "1.0.0", DeploymentStatus.SUCCESSFUL,
        "finished", "Deployment successful. See details at: x", "sha256:ab", "1.0.0", false, at, at, "person"));

    JsonNode deployment = http.get("/service-deployment/" + id).json();

    assertThat(deployment.get("deploymentId").asString()).isEqualTo(id.toString());
    assertThat(deployment.get("username").asString()).isEqualTo("yliu10");
    assertThat(deployment.get("service").asString()).isEqualTo("web");
    assertThat(deployment.get("tag").asString()).isEqualTo("new-version");
    assertThat(deployment.get("regressionTestVersion").asString()).isEqualTo("1.0.0");
    assertThat(deployment.get("status").asString()).isEqualTo("successful");
    assertThat(deployment.get("createdAt").asString()).isEqualTo("2024-03-29T14:56:29.151Z");
    assertThat(deployment.get("updatedAt").asString()).isEqualTo("2024-03-29T14:56:29.151Z");
    assertThat(deployment.has("progress")).isFalse();
  }

  @Test
  void refusesToCancelAFinishedDeployment() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.now();
    deployments.open(new DeploymentRecord(id, "alice", "web", "1.1.0", "latest", DeploymentStatus.FAILED,
        "finished", "broken", null, null, true, at, at, "person"));
    Reply reply = http.post("/service-deployment/" + id + "/cancel", "");
    assertProblem(reply, 409, "deployment-finished");
    assertThat(reply.detail()).isEqualTo("Deployment " + id + " is already failed and cannot be cancelled");
  }

  @Test
  void answersUnknownPathsAndWrongMethodsWithProblemDetails() {
    assertProblem(http.get("/no/such/thing"), 404, "not-found");
    assertProblem(http.send(HttpRequest.newBuilder(URI.create(http.root() + "/service-image-tag")).DELETE()), 405,
        "method-not-allowed");
    assertProblem(http.send(HttpRequest.newBuilder(URI.create(http.root() + "/service-image-tag/web"))
        .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("1.1.0"))), 415,
        "unsupported-media-type");
  }
}
