package io.mooring.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.versions.UpgradeStrategy;
import io.mooring.activities.watch.UpgradeReview.Situation;
import io.mooring.activities.watch.UpgradeReview.Verdict;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpgradeReviewTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Instant LONG_AGO = NOW.minusSeconds(86_400);

  private static final WatchPolicy FOLLOWING = WatchPolicy.defaults("web").withAutoDeploy(true);

  @Test
  void deploysTheNewestVersionWhenTheServiceRunsAnOlderOne() {
    Verdict verdict = review(FOLLOWING, "v0.9.0", tags("v0.9.0", "v1.0.0", "latest"));
    assertThat(verdict.hold()).isEqualTo(Hold.NONE);
    assertThat(verdict.wantedTag()).isEqualTo("v1.0.0");
  }

  @Test
  void leavesAServiceThatRunsTheNewestVersion() {
    assertThat(review(FOLLOWING, "v1.0.0", tags("v0.9.0", "v1.0.0")).hold()).isEqualTo(Hold.UP_TO_DATE);
  }

  @Test
  void keepsAStrategysBounds() {
    WatchPolicy minor = FOLLOWING.withSchedule(UpgradeStrategy.MINOR, false, 60, 0);
    assertThat(review(minor, "1.2.0", tags("1.2.0", "1.3.0", "2.0.0")).wantedTag()).isEqualTo("1.3.0");
  }

  @Test
  void waitsUntilANewTagIsOldEnough() {
    WatchPolicy patient = FOLLOWING.withSchedule(UpgradeStrategy.MAJOR, false, 60, 600);
    List<CachedTag> tags = List.of(new CachedTag("1.0.0", LONG_AGO, null), new CachedTag("1.1.0", NOW.minusSeconds(60), null));
    Verdict verdict = review(patient, "1.0.0", tags);
    assertThat(verdict.hold()).isEqualTo(Hold.TOO_YOUNG);
    assertThat(verdict.wantedTag()).isEqualTo("1.0.0");
  }

  @Test
  void holdsAQuarantinedVersionUntilANewerOneAppears() {
    Set<String> failed = Set.of("1.1.0@sha256:bad");
    assertThat(review(FOLLOWING, "1.0.0", tags("1.0.0", "1.1.0"), failed).hold()).isEqualTo(Hold.QUARANTINED);
    Verdict newer = review(FOLLOWING, "1.0.0", tags("1.0.0", "1.1.0", "1.2.0"), failed);
    assertThat(newer.hold()).isEqualTo(Hold.NONE);
    assertThat(newer.wantedTag()).isEqualTo("1.2.0");
  }

  @Test
  void saysWhatItWouldDeployWhileAutoDeployIsOff() {
    Verdict verdict = review(WatchPolicy.defaults("web"), "1.0.0", tags("1.0.0", "1.1.0"));
    assertThat(verdict.hold()).isEqualTo(Hold.AUTO_DEPLOY_OFF);
    assertThat(verdict.wantedTag()).isEqualTo("1.1.0");
  }

  @Test
  void redeploysAPinnedTagWhoseImageWasOverwritten() {
    WatchPolicy pinned = FOLLOWING.withPin("stable", null);
    List<CachedTag> tags = List.of(new CachedTag("stable", LONG_AGO, "sha256:new"));
    Verdict verdict = UpgradeReview.review(situation(pinned, "stable", "sha256:old", tags, Set.of()));
    assertThat(verdict.hold()).isEqualTo(Hold.NONE);
    assertThat(verdict.wantedDigest()).isEqualTo("sha256:new");
    assertThat(UpgradeReview.review(situation(pinned, "stable", "sha256:new", tags, Set.of())).hold())
        .isEqualTo(Hold.UP_TO_DATE);
  }

  @Test
  void neverUndoesARollbackAManualDeploymentPinned() {
    WatchPolicy rolledBack = FOLLOWING.withPin("1.0.0", UUID.randomUUID());
    assertThat(review(rolledBack, "1.0.0", tags("1.0.0", "1.1.0")).hold()).isEqualTo(Hold.PINNED);
    // Even when that deployment failed and the service still runs the newer version.
    assertThat(review(rolledBack, "1.1.0", tags("1.0.0", "1.1.0")).hold()).isEqualTo(Hold.PINNED_ELSEWHERE);
  }

  @Test
  void leavesAServiceThatDoesNotRunOrIsBeingDeployed() {
    List<CachedTag> tags = tags("1.0.0", "1.1.0");
    assertThat(UpgradeReview.review(new Situation(FOLLOWING, "1.0.0", null, false, false, true, tags, Set.of(), NOW))
        .hold()).isEqualTo(Hold.NOT_RUNNING);
    assertThat(UpgradeReview.review(new Situation(FOLLOWING, "1.0.0", null, true, true, true, tags, Set.of(), NOW))
        .hold()).isEqualTo(Hold.WAITING_IN_LINE);
    assertThat(UpgradeReview.review(new Situation(FOLLOWING, "1.0.0", null, true, false, false, tags, Set.of(), NOW))
        .hold()).isEqualTo(Hold.DEPLOYMENTS_DISABLED);
  }

  @Test
  void leavesATagThatIsNotAVersion() {
    assertThat(review(FOLLOWING, "latest", tags("latest", "1.0.0")).hold()).isEqualTo(Hold.NOT_A_VERSION);
  }

  private static Verdict review(WatchPolicy policy, String running, List<CachedTag> tags) {
    return review(policy, running, tags, Set.of());
  }

  private static Verdict review(WatchPolicy policy, String running, List<CachedTag> tags, Set<String> quarantined) {
    return UpgradeReview.review(situation(policy, running, null, tags, quarantined));
  }

  private static Situation situation(WatchPolicy policy, String running, String digest, List<CachedTag> tags,
      Set<String> quarantined) {
    return new Situation(policy, running, digest, true, false, true, tags, quarantined, NOW);
  }

  private static List<CachedTag> tags(String... names) {
    return Arrays.stream(names).map(name -> new CachedTag(name, LONG_AGO, null)).toList();
  }
}
