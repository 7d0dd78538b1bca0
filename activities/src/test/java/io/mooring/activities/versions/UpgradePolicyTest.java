package io.mooring.activities.versions;

import static io.mooring.activities.versions.UpgradeStrategy.BUGFIX;
import static io.mooring.activities.versions.UpgradeStrategy.MAJOR;
import static io.mooring.activities.versions.UpgradeStrategy.MINOR;
import static io.mooring.activities.versions.UpgradeStrategy.PATCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Image-Watcher's strategies, as a platform team relies on them. */
class UpgradePolicyTest {

  private static final List<String> CENTRAL_LEDGER = List.of(
      "latest", "v10.4.0", "v11.0.0", "v11.0.0-patch.1", "v11.0.0-patch.2", "v11.0.0-patch.10", "v11.0.0-patch.9",
      "v11.0.1", "v11.1.0", "v11.1.3", "v11.2.0-rc.1", "v12.0.0", "v12.1.0", "v13.0.0-snapshot", "main", "sha-1a2b3c");

  @Test
  void majorTakesTheHighestReleaseWhateverItsMajor() {
    assertThat(best("v11.0.0", MAJOR)).contains("v12.1.0");
  }

  @Test
  void minorStaysWithinTheMajor() {
    assertThat(best("v11.0.0", MINOR)).contains("v11.1.3");
  }

  @Test
  void bugfixStaysWithinTheMajorAndMinor() {
    assertThat(best("v11.0.0", BUGFIX)).contains("v11.0.1");
  }

  @Test
  void patchTakesTheHighestPatchOfTheSameVersionComparingItsNumberAsANumber() {
    assertThat(best("v11.0.0", PATCH)).contains("v11.0.0-patch.10");
    assertThat(best("v11.0.0-patch.2", PATCH)).contains("v11.0.0-patch.10");
  }

  @Test
  void aHotfixComesAfterTheReleaseItFixes() {
    assertThat(best("v11.0.0-patch.10", BUGFIX)).contains("v11.0.1");
    assertThat(UpgradePolicy.best("v11.0.0-patch.3", List.of("v11.0.0", "v11.0.0-patch.3"), BUGFIX, false))
        .contains("v11.0.0-patch.3");
  }

  @Test
  void preReleasesNeverWinUnlessAskedFor() {
    assertThat(best("v12.1.0", MAJOR)).contains("v12.1.0");
    assertThat(UpgradePolicy.best("v12.1.0", CENTRAL_LEDGER, MAJOR, true)).contains("v13.0.0-snapshot");
    assertThat(UpgradePolicy.best("v11.1.3", CENTRAL_LEDGER, MINOR, true)).contains("v11.2.0-rc.1");
  }

  @Test
  void aPreReleaseCurrentVersionMovesToItsRelease() {
    assertThat(UpgradePolicy.best("v8.8.0-snapshot", List.of("v8.7.0", "v8.8.0", "v8.8.1", "v9.0.0"), BUGFIX, false))
        .contains("v8.8.1");
  }

  @Test
  void neverDowngradesEvenWhenTheCurrentTagIsNoLongerListed() {
    assertThat(UpgradePolicy.best("v12.5.0", List.of("v11.0.0", "v12.1.0"), MAJOR, false)).contains("v12.5.0");
  }

  @Test
  void answersTheTagAsTheRegistrySpellsIt() {
    assertThat(UpgradePolicy.best("1.0.0", List.of("1.0.0", "v1.4.0", "1.3.9"), MINOR, false)).contains("v1.4.0");
  }

  @Test
  void understandsTwoPartVersions() {
    assertThat(UpgradePolicy.best("1.2", List.of("1.2", "1.3", "1.10", "2.0"), MINOR, false)).contains("1.10");
    assertThat(UpgradePolicy.best("1.2", List.of("1.2", "1.2.0"), MAJOR, false)).contains("1.2");
  }

  @Test
  void ignoresTagsThatAreNotVersions() {
    assertThat(UpgradePolicy.best("1.0.0", List.of("latest", "stable", "1.0.0", "2024-01-01", "main"), MAJOR, false))
        .contains("1.0.0");
  }

  @Test
  void hasNoAnswerForACurrentTagThatIsNotAVersion() {
    assertThat(UpgradePolicy.best("latest", CENTRAL_LEDGER, MAJOR, false)).isEmpty();
  }

  @Test
  void readsStrategiesByTheirNames() {
    assertThat(UpgradeStrategy.parse("bugfix")).contains(BUGFIX);
    assertThat(UpgradeStrategy.parse("newest")).isEmpty();
  }

  private static java.util.Optional<String> best(String current, UpgradeStrategy strategy) {
    return UpgradePolicy.best(current, CENTRAL_LEDGER, strategy, false);
  }
}
