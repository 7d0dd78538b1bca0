package io.mooring.activities.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.actions.LogLine;
import io.mooring.activities.actions.LogStep;
import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.common.StoreTestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentStoreTest {

  @TempDir Path directory;
  private DeploymentStore store;
  private OperationLog log;

  @BeforeEach
  void createDatabase() {
    var jdbc = StoreTestDatabase.create(directory);
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    store = new DeploymentStore(jdbc, clock);
    log = new OperationLog(jdbc, clock);
  }

  @Test
  void keepsTheFirstRowWhenADeploymentIsOpenedTwice() {
    UUID id = UUID.randomUUID();
    store.open(running(id, "web", "1.0.0", Instant.parse("2026-01-01T00:00:00Z")));
    store.open(running(id, "web", "2.0.0", Instant.parse("2026-01-01T00:00:01Z")));
    assertThat(store.find(id)).get().extracting(DeploymentRecord::tag).isEqualTo("1.0.0");
  }

  @Test
  void writesSeveralStepsInTheirOrderAndEachStepOnceHoweverOftenRetried() {
    UUID id = UUID.randomUUID();
    log.append(id, "b.stop", "Stopped b");

    log.appendAll(id, List.of(new LogStep("a.stop", "Stopped a"), new LogStep("b.stop", "Stopped b again"),
        new LogStep("c.stop", "Stopped c")));
    log.appendAll(id, List.of(new LogStep("a.stop", "Stopped a"), new LogStep("c.stop", "Stopped c")));

    assertThat(log.lines(id, 0)).extracting(LogLine::line).containsExactly("Stopped b", "Stopped a", "Stopped c");
  }

  @Test
  void givesADeploymentExactlyOneTerminalStatus() {
    UUID id = UUID.randomUUID();
    store.open(running(id, "web", "1.0.0", Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(store.finish(id, DeploymentStatus.SUCCESSFUL, "done", false)).isTrue();
    assertThat(store.finish(id, DeploymentStatus.FAILED, "late failure", true)).isFalse();
    var record = store.find(id).orElseThrow();
    assertThat(record.status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
    assertThat(record.message()).isEqualTo("done");
    assertThat(record.phase()).isEqualTo("finished");
  }

  @Test
  void pagesHistoryNewestFirstWithoutGapsOrRepeats() {
    List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      UUID id = UUID.randomUUID();
      ids.add(0, id);
      // Two deployments share each second, so the id breaks ties.
      store.open(running(id, "web", "1." + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i / 2)));
    }
    List<UUID> seen = new java.util.ArrayList<>();
    DeploymentQuery.Position after = null;
    for (int page = 0; page < 4; page++) {
      List<DeploymentRecord> rows = store.find(new DeploymentQuery(null, null, 3, after));
      rows.forEach(r -> seen.add(r.id()));
      if (rows.isEmpty()) {
        break;
      }
      DeploymentRecord last = rows.get(rows.size() - 1);
      after = new DeploymentQuery.Position(last.createdAt(), last.id());
    }
    assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    List<Instant> times = seen.stream().map(id -> store.find(id).orElseThrow().createdAt()).toList();
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void filtersByServiceAndStatus() {
    UUID web = UUID.randomUUID();
    UUID api = UUID.randomUUID();
    store.open(running(web, "web", "1.0.0", Instant.parse("2026-01-01T00:00:00Z")));
    store.open(running(api, "api", "1.0.0", Instant.parse("2026-01-01T00:00:01Z")));
    store.finish(api, DeploymentStatus.FAILED, "broken", true);
    assertThat(store.find(new DeploymentQuery("web", null, 10, null))).extracting(DeploymentRecord::id).containsExactly(web);
    assertThat(store.find(new DeploymentQuery(null, DeploymentStatus.FAILED, 10, null))).extracting(DeploymentRecord::id).containsExactly(api);
    assertThat(store.running()).extracting(DeploymentRecord::id).containsExactly(web);
  }

  @Test
  void writesALogStepOnceHoweverOftenItIsRetried() {
    UUID id = UUID.randomUUID();
    log.append(id, "replica-1.start", "Started replica 1");
    log.append(id, "replica-1.start", "Started replica 1");
    log.append(id, "replica-1.healthy", "Replica 1 is healthy");
    assertThat(log.lines(id, 0)).extracting(LogLine::line).containsExactly("Started replica 1", "Replica 1 is healthy");
  }

  @Test
  void letsAReaderFollowOnFromTheLastLineItSaw() {
    UUID id = UUID.randomUUID();
    log.append(id, "a", "first");
    long seen = log.lines(id, 0).get(0).seq();
    log.append(id, "b", "second");
    assertThat(log.lines(id, seen)).extracting(LogLine::line).containsExactly("second");
  }

  private static DeploymentRecord running(UUID id, String service, String tag, Instant at) {
    return new DeploymentRecord(id, "alice", service, tag, "latest", DeploymentStatus.RUNNING, "rolling-out",
        "Deployment in progress", "sha256:00", "0.9.0", false, at, at, "pipeline");
  }
}
