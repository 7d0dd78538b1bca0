package io.mooring.activities.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mooring.activities.actions.ActionMetrics;
import io.mooring.activities.actions.ActionRecord;
import io.mooring.activities.actions.ActionState;
import io.mooring.activities.actions.ActionStore;
import io.mooring.activities.common.StoreTestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployments stored before Mooring kept actions become actions of their services, none lost. */
class DeploymentsBecomeActionsTest {

  @TempDir Path directory;

  @Test
  void everyStoredDeploymentBecomesAnActionInTheStateItReached() {
    var before = StoreTestDatabase.migrate(directory, "4");
    Clock clock = Clock.systemUTC();
    // As Mooring stored a service then: today's store writes columns that schema did not have yet.
    before.sql("""
            INSERT INTO service (name, uuid, display_name, repository, tag, replicas, port, created_at, updated_at)
            VALUES ('web', :uuid, 'web', 'registry.test/demo/web', '1.0.0', 2, 8080, :now, :now)""")
        .param("uuid", UUID.randomUUID())
        .param("now", java.sql.Timestamp.from(clock.instant()))
        .update();
    DeploymentStore deployments = new DeploymentStore(before, clock);
    UUID succeeded = deploy(deployments, DeploymentStatus.SUCCESSFUL, "finished");
    UUID queued = deploy(deployments, DeploymentStatus.RUNNING, "queued");
    UUID rollingOut = deploy(deployments, DeploymentStatus.RUNNING, "rolling-out");

    ActionStore actions = new ActionStore(StoreTestDatabase.migrate(directory, null), clock,
        new ActionMetrics(new SimpleMeterRegistry()));

    ActionRecord done = actions.find(succeeded).orElseThrow();
    assertThat(done.action()).isEqualTo("Service Deploy");
    assertThat(done.service()).isEqualTo("web");
    assertThat(done.state()).isEqualTo(ActionState.SUCCESS);
    assertThat(done.endedAt()).isNotNull();
    assertThat(done.origin().method()).isEqualTo("PUT");
    assertThat(done.origin().path()).isEqualTo("/service-image-tag/web");
    assertThat(done.origin().username()).isEqualTo("alice");
    assertThat(actions.find(queued).orElseThrow().state()).isEqualTo(ActionState.PENDING);
    assertThat(actions.find(queued).orElseThrow().startedAt()).isNull();
    assertThat(actions.find(rollingOut).orElseThrow().state()).isEqualTo(ActionState.IN_PROGRESS);
    assertThat(actions.entry(rollingOut).orElseThrow().cancelable()).isTrue();
    assertThat(actions.entry(succeeded).orElseThrow().cancelable()).isFalse();
  }

  private static UUID deploy(DeploymentStore deployments, DeploymentStatus status, String phase) {
    UUID id = UUID.randomUUID();
    Instant at = Instant.now();
    deployments.open(new DeploymentRecord(id, "alice", "web", "1.1.0", "latest", status, phase, "", null, "1.0.0",
        false, at, at, "person"));
    return id;
  }
}
