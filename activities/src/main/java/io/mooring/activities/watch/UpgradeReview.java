package io.mooring.activities.watch;

import io.mooring.activities.versions.UpgradePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the registry watcher wants for one service, and whether it deploys it now: the same answer
 * for the watcher's reconcile, registrywatcher's {@code /repos} and the outdated report. Level
 * triggered: it compares what the policy wants with what runs, whatever happened in between.
 */
public final class UpgradeReview {
  private UpgradeReview() {}

  /**
   * Everything the review looks at.
   *
   * @param runningTag the tag the service runs; {@code runningDigest} what it points at, null if unknown
   * @param running the service's state lets a deployment change it (it runs)
   * @param deploying a deployment of it is under way or waits in line
   * @param quarantined candidates ({@code tag@digest}) whose automatic deployment failed
   */
  public record Situation(
      WatchPolicy policy,
      String runningTag,
      String runningDigest,
      boolean running,
      boolean deploying,
      boolean deploymentsEnabled,
      List<CachedTag> tags,
      Set<String> quarantined,
      Instant now) {}

  /**
   * @param wantedTag the tag the policy wants now (the pinned tag, or the newest version old
   *     enough); the running tag when nothing newer qualifies
   * @param wantedDigest what {@code wantedTag} points at, when the watcher read it (pinned tags)
   * @param hold why it is not deployed now; {@link Hold#NONE} when it is
   */
  public record Verdict(String wantedTag, String wantedDigest, Hold hold) {
    public boolean deploy() {
      return hold == Hold.NONE;
    }
  }

  public static Verdict review(Situation situation) {
    WatchPolicy policy = situation.policy();
    String running = situation.runningTag();
    if (!policy.followsNewest()) {
      Optional<CachedTag> pinned = situation.tags().stream().filter(t -> t.tag().equals(policy.pinnedTag())).findFirst();
      if (pinned.isEmpty()) {
        return new Verdict(policy.pinnedTag(), null, Hold.PINNED_TAG_MISSING);
      }
      String digest = pinned.get().digest();
      boolean same = policy.pinnedTag().equals(running) && (digest == null || digest.equals(situation.runningDigest()));
      if (same) {
        String newest = newest(situation, false).orElse(running);
        return new Verdict(running, digest, newest.equals(running) ? Hold.UP_TO_DATE : Hold.PINNED);
      }
      if (policy.pinnedByDeployment() != null && !policy.pinnedTag().equals(running)) {
        // A manual deployment set the pin: whatever it left running stays, even if it was rolled back.
        return new Verdict(policy.pinnedTag(), digest, Hold.PINNED_ELSEWHERE);
      }
      return gated(situation, policy.pinnedTag(), digest);
    }
    Optional<String> eligible = newest(situation, true);
    if (eligible.isEmpty()) {
      return new Verdict(running, situation.runningDigest(), Hold.NOT_A_VERSION);
    }
    if (eligible.get().equals(running)) {
      boolean younger = !newest(situation, false).orElse(running).equals(running);
      return new Verdict(running, situation.runningDigest(), younger ? Hold.TOO_YOUNG : Hold.UP_TO_DATE);
    }
    String digest = situation.tags().stream().filter(t -> t.tag().equals(eligible.get())).map(CachedTag::digest)
        .filter(Objects::nonNull).findFirst().orElse(null);
    return gated(situation, eligible.get(), digest);
  }

  /** The newest version by the policy's strategy, among tags old enough when {@code oldEnough}. */
  private static Optional<String> newest(Situation situation, boolean oldEnough) {
    WatchPolicy policy = situation.policy();
    Instant bornBefore = situation.now().minusSeconds(policy.minimumAgeSeconds());
    List<String> listed = situation.tags().stream()
        .filter(t -> !oldEnough || !t.firstSeenAt().isAfter(bornBefore))
        .map(CachedTag::tag).toList();
    return UpgradePolicy.best(situation.runningTag(), listed, policy.strategy(), policy.preReleases());
  }

  /** A candidate that differs from what runs: deployed unless something holds it back. */
  private static Verdict gated(Situation situation, String tag, String digest) {
    Hold hold;
    if (quarantined(situation.quarantined(), tag, digest)) {
      hold = Hold.QUARANTINED;
    } else if (!situation.policy().autoDeploy()) {
      hold = Hold.AUTO_DEPLOY_OFF;
    } else if (!situation.running()) {
      hold = Hold.NOT_RUNNING;
    } else if (situation.deploying()) {
      hold = Hold.WAITING_IN_LINE;
    } else if (!situation.deploymentsEnabled()) {
      hold = Hold.DEPLOYMENTS_DISABLED;
    } else {
      hold = Hold.NONE;
    }
    return new Verdict(tag, digest, hold);
  }

  /**
   * A pinned tag is held by its exact digest (an overwritten image is a new candidate); a version
   * the watcher did not read the digest of is held by its tag.
   */
  private static boolean quarantined(Set<String> quarantined, String tag, String digest) {
    if (digest != null) {
      return quarantined.contains(WatchPolicies.candidate(tag, digest));
    }
    return quarantined.stream().anyMatch(c -> c.equals(tag) || c.startsWith(tag + "@"));
  }
}
