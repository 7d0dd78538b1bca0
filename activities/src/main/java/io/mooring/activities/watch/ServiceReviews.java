package io.mooring.activities.watch;

import io.mooring.activities.services.ServiceStore;
import io.mooring.activities.services.ServiceVersion;
import io.mooring.activities.watch.UpgradeReview.Situation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reviews services from the store in a handful of reads, whatever their number: the watcher's
 * reconcile and the watch API ask the same question, so {@code /repos} shows what the watcher does.
 */
@Component
public class ServiceReviews {

  private final ServiceStore services;
  private final WatchPolicies policies;
  private final TagCache cache;
  private final Clock clock;

  public ServiceReviews(ServiceStore services, WatchPolicies policies, TagCache cache, Clock clock) {
    this.services = services;
    this.policies = policies;
    this.cache = cache;
    this.clock = clock;
  }

  /**
   * Every service that is not terminated and whose policy {@code which} accepts, by name.
   *
   * @param deploymentsEnabled the deployment gate is on
   */
  public List<ServiceReview> review(Predicate<WatchPolicy> which, boolean deploymentsEnabled) {
    Map<String, WatchPolicy> stored = policies.stored();
    List<ServiceReview> reviews = new ArrayList<>();
    List<ServiceVersion> watched = services.versions().stream()
        .filter(s -> which.test(stored.getOrDefault(s.name(), WatchPolicy.defaults(s.name())))).toList();
    if (watched.isEmpty()) {
      return reviews;
    }
    Map<String, List<CachedTag>> tags = cache.tags(watched.stream().map(ServiceVersion::repository)
        .collect(Collectors.toSet()));
    Set<String> deploying = policies.deploying();
    Map<String, Set<String>> quarantined = policies.quarantined();
    for (ServiceVersion service : watched) {
      WatchPolicy policy = stored.getOrDefault(service.name(), WatchPolicy.defaults(service.name()));
      List<CachedTag> listed = tags.getOrDefault(service.repository(), List.of());
      Set<String> held = quarantined.getOrDefault(service.name(), Set.of());
      reviews.add(new ServiceReview(service, policy, listed, held, UpgradeReview.review(new Situation(policy,
          service.tag(), service.digest(), service.running(), deploying.contains(service.name()), deploymentsEnabled,
          listed, held, clock.instant()))));
    }
    return reviews;
  }
}
