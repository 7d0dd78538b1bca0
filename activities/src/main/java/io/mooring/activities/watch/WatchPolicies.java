package io.mooring.activities.watch;

import io.mooring.activities.versions.UpgradePolicy;
import io.mooring.activities.versions.UpgradeStrategy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each service's watch policy, and the candidates its automatic deployments failed with. A service
 * without a stored policy has {@link WatchPolicy#defaults}.
 */
@Repository
public class WatchPolicies {

  /** Who automatic deployments are recorded as, so they read as the watcher's in every history. */
  public static final String WATCHER = "registry-watcher";

  private final JdbcClient jdbc;
  private final TagCache cache;

  public WatchPolicies(JdbcClient jdbc, TagCache cache) {
    this.jdbc = jdbc;
    this.cache = cache;
  }

  public WatchPolicy of(String service) {
    return jdbc.sql("SELECT * FROM service_watch WHERE service = :service").param("service", service)
        .query((rs, i) -> row(rs)).optional().orElseGet(() -> WatchPolicy.defaults(service));
  }

  /** Every stored policy, by service; services missing here have the defaults. */
  public Map<String, WatchPolicy> stored() {
    Map<String, WatchPolicy> policies = new HashMap<>();
    jdbc.sql("SELECT * FROM service_watch").query(rs -> {
      WatchPolicy policy = row(rs);
      policies.put(policy.service(), policy);
    });
    return policies;
  }

  /**
   * Stores a service's whole policy, reads its repository as often as it now asks, and at once:
   * an operator's change takes effect now, not after the interval it replaces.
   */
  @Transactional
  public void save(WatchPolicy policy, String repository) {
    jdbc.sql("INSERT INTO service_watch (service) VALUES (:service) ON CONFLICT DO NOTHING")
        .param("service", policy.service()).update();
    jdbc.sql("""
            UPDATE service_watch
               SET auto_deploy = :autoDeploy, pinned_tag = :pinnedTag, pinned_by_deployment = :pinnedBy,
                   strategy = :strategy, pre_releases = :preReleases, interval_seconds = :interval,
                   minimum_age_seconds = :minimumAge, quarantine_cleared_at = :cleared
             WHERE service = :service""")
        .param("autoDeploy", policy.autoDeploy())
        .param("pinnedTag", policy.pinnedTag())
        .param("pinnedBy", policy.pinnedByDeployment())
        .param("strategy", policy.strategy().label())
        .param("preReleases", policy.preReleases())
        .param("interval", policy.intervalSeconds())
        .param("minimumAge", policy.minimumAgeSeconds())
        .param("cleared", policy.quarantineClearedAt() == null ? null : Timestamp.from(policy.quarantineClearedAt()))
        .param("service", policy.service())
        .update();
    cache.followIntervals(repository);
    cache.dueNow(repository);
  }

  /**
   * A manual deployment of {@code tag} pins the service when it succeeds, if the watcher would
   * otherwise move the service off that tag: an older version than the newest the policy wants, or
   * another tag than the pinned one. The pin waits for the deployment's success
   * ({@link #pinIfSucceeded}); written before the deployment starts, so its end cannot come first.
   *
   * @return the tag the service will be pinned to when the deployment succeeds, if any
   */
  public Optional<String> pinOnSuccess(String service, String repository, String tag, UUID deploymentId) {
    if (!movesOff(of(service), repository, tag)) {
      return Optional.empty();
    }
    jdbc.sql("""
            INSERT INTO pin_on_success (deployment_id, service, repository, tag)
            VALUES (:id, :service, :repository, :tag) ON CONFLICT DO NOTHING""")
        .param("id", deploymentId).param("service", service).param("repository", repository).param("tag", tag)
        .update();
    return Optional.of(tag);
  }

  /**
   * The deployment succeeded: the pin it waited for is set, if the watcher would still move the
   * service off its tag. Nothing for a deployment that asked for no pin; a retry sets the same pin.
   */
  @Transactional
  public Optional<WatchPolicy> pinIfSucceeded(UUID deploymentId) {
    var waiting = jdbc.sql("SELECT service, repository, tag FROM pin_on_success WHERE deployment_id = :id")
        .param("id", deploymentId)
        .query((rs, i) -> new WaitingPin(rs.getString("service"), rs.getString("repository"), rs.getString("tag")))
        .optional();
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    forgetPin(deploymentId);
    WaitingPin pin = waiting.get();
    WatchPolicy policy = of(pin.service());
    if (!movesOff(policy, pin.repository(), pin.tag())) {
      return Optional.empty();
    }
    WatchPolicy pinned = policy.withPin(pin.tag(), deploymentId);
    save(pinned, pin.repository());
    return Optional.of(pinned);
  }

  private record WaitingPin(String service, String repository, String tag) {}

  /** A deployment that failed pins nothing: the pin it waited for is forgotten. */
  public void forgetPin(UUID deploymentId) {
    jdbc.sql("DELETE FROM pin_on_success WHERE deployment_id = :id").param("id", deploymentId).update();
  }

  /** Whether the watcher would move a service running {@code tag} off it. */
  private boolean movesOff(WatchPolicy policy, String repository, String tag) {
    List<String> listed = cache.tagNames(repository);
    // Empty when the tag is not a version: the watcher never moves a service off such a tag.
    Optional<String> newest = UpgradePolicy.best(tag, listed, policy.strategy(), policy.preReleases());
    return policy.followsNewest() ? newest.isPresent() && !newest.get().equals(tag)
        : !policy.pinnedTag().equals(tag);
  }

  /**
   * The candidates ({@code tag@digest}) whose automatic deployment failed since the service's
   * quarantine was last cleared, for every service that has one.
   */
  public Map<String, Set<String>> quarantined() {
    Map<String, Set<String>> quarantined = new HashMap<>();
    jdbc.sql("""
            SELECT d.service, d.tag, d.digest FROM deployment d LEFT JOIN service_watch w ON w.service = d.service
             WHERE d.username = :watcher AND d.caller_kind = 'mooring' AND d.status = 'failed'
               AND (w.quarantine_cleared_at IS NULL OR d.created_at > w.quarantine_cleared_at)""")
        .param("watcher", WATCHER)
        .query(rs -> {
          quarantined.computeIfAbsent(rs.getString("service"), s -> new HashSet<>())
              .add(candidate(rs.getString("tag"), rs.getString("digest")));
        });
    return quarantined;
  }

  /** How a candidate is named in the quarantine: its tag, and its digest when known. */
  public static String candidate(String tag, String digest) {
    return digest == null ? tag : tag + "@" + digest;
  }

  /** The services with a deployment that has not ended (running, or waiting in the gate's line). */
  public Set<String> deploying() {
    return new HashSet<>(jdbc.sql("SELECT DISTINCT service FROM deployment WHERE status = 'running'")
        .query(String.class).list());
  }

  private static WatchPolicy row(ResultSet rs) throws SQLException {
    Timestamp cleared = rs.getTimestamp("quarantine_cleared_at");
    return new WatchPolicy(rs.getString("service"), rs.getBoolean("auto_deploy"), rs.getString("pinned_tag"),
        rs.getObject("pinned_by_deployment", UUID.class),
        UpgradeStrategy.parse(rs.getString("strategy")).orElse(UpgradeStrategy.MAJOR), rs.getBoolean("pre_releases"),
        rs.getInt("interval_seconds"), rs.getInt("minimum_age_seconds"), cleared == null ? null : cleared.toInstant());
  }
}
