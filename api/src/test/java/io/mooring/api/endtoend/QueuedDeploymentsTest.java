package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.docker.ReplicaLabels;
import io.mooring.api.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Automatic deployments wait at the gate instead of being refused, and run strictly one by one. */
class QueuedDeploymentsTest extends RealMooringTest {

  /**
   * One deployment's time holding the gate, from its log, and when the engine started its new
   * replica, by the engine's own clock.
   */
  record Turn(String id, Instant took, Instant containerStarted, Instant cleanedUp) {}

  @Test
  void aHundredQueuedDeploymentsAllRunOneAfterAnotherWithoutOverlap() throws Exception {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < FLEET; i++) {
      paths.add("/service-image-tag/q-%03d".formatted(i) + "?queue=true");
    }
    List<Reply> replies = http.putAllAtOnce(paths, "{\"tag\": \"1.1.0\"}");
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(202));

    List<Turn> turns = new ArrayList<>();
    for (Reply reply : replies) {
      String id = idOf(reply);
      JsonNode finished = awaitEnd(id, Duration.ofMinutes(10));
      assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("successful");
      turns.add(new Turn(id, tookTheLock(finished), containerStarted(finished),
          lineTime(finished, l -> l.startsWith("Removed ["))));
    }
    turns.sort(Comparator.comparing(Turn::took));
    List<Long> handOffs = new ArrayList<>();
    for (int i = 1; i < turns.size(); i++) {
      Turn before = turns.get(i - 1);
      Turn after = turns.get(i);
      assertThat(after.took()).as("%s took the gate before %s had finished", after.id(), before.id())
          .isAfterOrEqualTo(before.cleanedUp());
      assertThat(after.containerStarted()).as("the engine started a container of %s while %s ran", after.id(), before.id())
          .isAfter(before.cleanedUp())
          .isBetween(after.took(), after.cleanedUp());
      handOffs.add(Duration.between(before.cleanedUp(), after.took()).toMillis());
    }
    for (int i = 0; i < FLEET; i++) {
      assertThat(docker.list(Map.of(ReplicaLabels.SERVICE, "q-%03d".formatted(i), ReplicaLabels.ROLE, "replica")))
          .singleElement().satisfies(c -> assertThat(c.tag()).isEqualTo("1.1.0"));
    }
    handOffs.sort(Long::compare);
    System.out.printf("gate hand-off between %d queued deployments: median %d ms, p90 %d ms, max %d ms%n",
        handOffs.size(), handOffs.get(handOffs.size() / 2), handOffs.get(handOffs.size() * 9 / 10),
        handOffs.get(handOffs.size() - 1));
  }

  /** The engine's start time of the deployment's one new replica. */
  private Instant containerStarted(JsonNode deployment) {
    ContainerStatus replica = docker.list(Map.of(ReplicaLabels.DEPLOYMENT, deployment.get("deploymentId").asString(),
        ReplicaLabels.ROLE, "replica")).get(0);
    return docker.status(replica.name()).orElseThrow().startedAt();
  }

  /** Admitted at once or after waiting in line: the moment it held the gate. */
  private Instant tookTheLock(JsonNode deployment) {
    return lineTime(deployment, l -> l.startsWith("Took the service deployment lock"));
  }
}
