package io.mooring.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.common.StoreTestDatabase;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** A manual deployment of another version than the watcher's pins its service only once it succeeded. */
class PinOnSuccessTest {

  private static final String REPOSITORY = "registry.test/demo/web";

  @TempDir Path directory;
  private WatchPolicies policies;

  @BeforeEach
  void aServiceWhoseRegistryListsTwoVersions() {
    var dataSource = StoreTestDatabase.dataSource(directory);
    var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
    Clock clock = Clock.systemUTC();
    new ServiceStore(jdbc, clock).register(new ServiceDefinition("web", REPOSITORY, "1.1.0", null, 1, 8080, null,
        Map.of(), null, null));
    TagCache cache = new TagCache(jdbc, new JdbcTemplate(dataSource), clock);
    cache.enlist(REPOSITORY, null);
    cache.listed(cache.find(REPOSITORY).orElseThrow(), List.of("1.0.0", "1.1.0"), Map.of());
    policies = new WatchPolicies(jdbc, cache);
  }

  @Test
  void aDeploymentOfAnOlderVersionSaysItWillPinButPinsNothingUntilItSucceeds() {
    UUID deployment = UUID.randomUUID();

    assertThat(policies.pinOnSuccess("web", REPOSITORY, "1.0.0", deployment)).contains("1.0.0");
    assertThat(policies.of("web").pinnedTag()).as("not pinned while it runs").isEmpty();

    WatchPolicy pinned = policies.pinIfSucceeded(deployment).orElseThrow();
    assertThat(pinned.pinnedTag()).isEqualTo("1.0.0");
    assertThat(policies.of("web").pinnedTag()).isEqualTo("1.0.0");
    assertThat(policies.of("web").pinnedByDeployment()).isEqualTo(deployment);
  }

  @Test
  void aDeploymentThatFailedNeverPinsTheTagItCouldNotRun() {
    UUID deployment = UUID.randomUUID();
    policies.pinOnSuccess("web", REPOSITORY, "1.0.0", deployment);

    policies.forgetPin(deployment);

    assertThat(policies.pinIfSucceeded(deployment)).isEmpty();
    assertThat(policies.of("web").pinnedTag()).isEmpty();
    assertThat(policies.of("web").pinnedByDeployment()).isNull();
  }

  @Test
  void aSuccessfulDeploymentOfAnotherTagMovesThePinAnEarlierRollbackSetToWhatNowRuns() {
    UUID rollback = UUID.randomUUID();
    policies.pinOnSuccess("web", REPOSITORY, "1.0.0", rollback);
    policies.pinIfSucceeded(rollback);
    UUID forward = UUID.randomUUID();

    assertThat(policies.pinOnSuccess("web", REPOSITORY, "1.1.0", forward)).contains("1.1.0");
    assertThat(policies.of("web").pinnedTag()).as("until it succeeds, the old pin stands").isEqualTo("1.0.0");
    policies.pinIfSucceeded(forward);

    assertThat(policies.of("web").pinnedTag()).as("never older than what runs").isEqualTo("1.1.0");
    assertThat(policies.of("web").pinnedByDeployment()).isEqualTo(forward);
  }

  @Test
  void aFailedDeploymentOfTheNewestVersionLeavesTheRollbacksPin() {
    UUID rollback = UUID.randomUUID();
    policies.pinOnSuccess("web", REPOSITORY, "1.0.0", rollback);
    policies.pinIfSucceeded(rollback);
    UUID forward = UUID.randomUUID();
    policies.pinOnSuccess("web", REPOSITORY, "1.1.0", forward);

    policies.forgetPin(forward);

    assertThat(policies.pinIfSucceeded(forward)).isEmpty();
    assertThat(policies.of("web").pinnedTag()).isEqualTo("1.0.0");
  }

  @Test
  void aDeploymentOfTheNewestVersionPinsNothing() {
    UUID deployment = UUID.randomUUID();
    assertThat(policies.pinOnSuccess("web", REPOSITORY, "1.1.0", deployment)).isEmpty();
    assertThat(policies.pinIfSucceeded(deployment)).isEmpty();
    assertThat(policies.of("web").pinnedTag()).isEmpty();
  }
}
