package io.mooring.api.common.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.actions.LoggedStep;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.workflows.deployment.DeploymentProgress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** While the workflow cannot answer its Query, the stored record still tells where a deployment is. */
class LiveProgressTest {

  private static final Instant STARTED = Instant.parse("2026-12-07T10:00:00Z");
  private static final Instant LOGGED = Instant.parse("2026-12-07T10:00:03Z");

  @ParameterizedTest(name = "{0} after step {1}: replica {3}")
  @CsvSource(delimiter = '|', textBlock = """
      rolling-out  | replica-2.start       | Started replica 2 of 3 (web-2)             | 2
      rolling-out  | replica-3.healthy     | web-3 is healthy                           | 3
      rolling-out  | replica-1.stop-old    | Stopped old replica 1                      | 1
      rolling-out  | plan                  | Planned rollout: 3 new replica(s)          | 0
      testing      | replica-3.healthy     | web-3 is healthy                           | 0
      rolling-back | rollback.start        | Rolling back to 1.0.0                      | 0
      """)
  void aRunningDeploymentReadsItsPhaseAndTheReplicaItsLogWroteLast(String phase, String step, String line,
      int replica) {
    DeploymentProgress progress = LiveProgress.fromTheRecord(running(phase),
        Optional.of(new LoggedStep(step, LOGGED, line)), 3);

    assertThat(progress.phase()).isEqualTo(phase);
    assertThat(progress.step()).isEqualTo(line);
    assertThat(progress.replica()).isEqualTo(replica);
    assertThat(progress.replicas()).isEqualTo(3);
    assertThat(progress.startedAt()).isEqualTo(STARTED);
    assertThat(progress.updatedAt()).isEqualTo(LOGGED);
  }

  @ParameterizedTest(name = "{0} before any line")
  @CsvSource({"validating", "queued"})
  void aDeploymentThatLoggedNothingYetReadsItsMessage(String phase) {
    DeploymentProgress progress = LiveProgress.fromTheRecord(running(phase), Optional.empty(), 2);

    assertThat(progress.phase()).isEqualTo(phase);
    assertThat(progress.step()).isEqualTo("Deployment in progress");
    assertThat(progress.replica()).isZero();
  }

  private static DeploymentRecord running(String phase) {
    return new DeploymentRecord(UUID.randomUUID(), "alice", "web", "1.1.0", "latest", DeploymentStatus.RUNNING, phase,
        "Deployment in progress", null, "1.0.0", false, STARTED, STARTED, "person");
  }
}
