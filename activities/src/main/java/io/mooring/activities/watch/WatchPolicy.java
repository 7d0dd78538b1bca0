package io.mooring.activities.watch;

import io.mooring.activities.versions.UpgradeStrategy;
import java.time.Instant;
import java.util.UUID;

/**
 * How the registry watcher treats one service (registrywatcher's state, and what Mooring adds).
 *
 * @param pinnedTag {@code ""} follows the newest version by {@code strategy}; any other value is a
 *     tag the service stays on, redeployed when its digest changes
 * @param pinnedByDeployment the manual deployment of an older tag that set the pin (the watcher
 *     does not undo a rollback); null when an operator set it or nothing is pinned
 * @param preReleases pre-release versions may be candidates
 * @param minimumAgeSeconds a new tag becomes a candidate only once it has been listed this long
 * @param quarantineClearedAt automatic deployments that failed before this moment hold nothing back
 */
public record WatchPolicy(
    String service,
    boolean autoDeploy,
    String pinnedTag,
    UUID pinnedByDeployment,
    UpgradeStrategy strategy,
    boolean preReleases,
    int intervalSeconds,
    int minimumAgeSeconds,
    Instant quarantineClearedAt) {

  public WatchPolicy {
    pinnedTag = pinnedTag == null ? "" : pinnedTag;
    strategy = strategy == null ? UpgradeStrategy.MAJOR : strategy;
  }

  /** A service nobody has set a policy for: follows the newest version, auto-deploy off. */
  public static WatchPolicy defaults(String service) {
    return new WatchPolicy(service, false, "", null, UpgradeStrategy.MAJOR, false,
        TagCache.DEFAULT_INTERVAL_SECONDS, 0, null);
  }

  public boolean followsNewest() {
    return pinnedTag.isEmpty();
  }

  public WatchPolicy withAutoDeploy(boolean on) {
    return new WatchPolicy(service, on, pinnedTag, pinnedByDeployment, strategy, preReleases, intervalSeconds,
        minimumAgeSeconds, quarantineClearedAt);
  }

  public WatchPolicy withPin(String tag, UUID byDeployment) {
    return new WatchPolicy(service, autoDeploy, tag, byDeployment, strategy, preReleases, intervalSeconds,
        minimumAgeSeconds, quarantineClearedAt);
  }

  public WatchPolicy withSchedule(UpgradeStrategy newStrategy, boolean withPreReleases, int interval, int minimumAge) {
    return new WatchPolicy(service, autoDeploy, pinnedTag, pinnedByDeployment, newStrategy, withPreReleases, interval,
        minimumAge, quarantineClearedAt);
  }

  public WatchPolicy withQuarantineCleared(Instant at) {
    return new WatchPolicy(service, autoDeploy, pinnedTag, pinnedByDeployment, strategy, preReleases, intervalSeconds,
        minimumAgeSeconds, at);
  }
}
