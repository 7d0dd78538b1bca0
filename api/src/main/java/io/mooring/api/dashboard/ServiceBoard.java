package io.mooring.api.dashboard;

import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.activities.services.ServiceRecord;
import io.mooring.activities.services.ServiceState;
import io.mooring.activities.services.ServiceStore;
import io.mooring.activities.versions.TagVersion;
import io.mooring.activities.watch.Hold;
import io.mooring.activities.watch.ServiceReview;
import io.mooring.activities.watch.ServiceReviews;
import io.mooring.activities.watch.WatchPolicy;
import io.mooring.workflows.gate.GateClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The services as operators see them at a glance: state, version, containers, and what the
 * registry watcher makes of each. The engine is asked once for every replica, whatever the count.
 */
@Component
class ServiceBoard {

  private final ServiceStore services;
  private final ServiceReviews reviews;
  private final ContainerRuntime engine;
  private final GateClient gate;

  ServiceBoard(ServiceStore services, ServiceReviews reviews, ContainerRuntime engine, GateClient gate) {
    this.services = services;
    this.reviews = reviews;
    this.engine = engine;
    this.gate = gate;
  }

  /** The services that are not terminated, by name; {@code engineAway} when Docker did not answer. */
  record Board(List<ServiceRow> rows, boolean engineAway) {}

  Board all(String search) {
    return board(policy -> true, search);
  }

  Board one(String name) {
    return board(policy -> policy.service().equals(name), null);
  }

  private Board board(Predicate<WatchPolicy> which, String search) {
    Map<String, ServiceRecord> records = services.records(null, null).stream()
        .collect(Collectors.toMap(ServiceRecord::uniqueName, Function.identity()));
    List<ServiceReview> reviewed = reviews.review(which, gate.state().enabled()).stream()
        .filter(r -> records.containsKey(r.service().name()))
        .filter(r -> search == null || search.isBlank() || matches(r, search))
        .toList();
    Map<String, Map<String, Long>> running;
    boolean engineAway = false;
    try {
      running = reviewed.isEmpty() ? Map.of() : engine.replicas().stream()
          .filter(ContainerStatus::running)
          .collect(Collectors.groupingBy(ContainerStatus::service,
              Collectors.groupingBy(ContainerStatus::tag, TreeMap::new, Collectors.counting())));
    } catch (RuntimeUnavailableException away) {
      running = Map.of();
      engineAway = true;
    }
    Map<String, Map<String, Long>> counted = running;
    boolean unknown = engineAway;
    return new Board(reviewed.stream().map(r -> row(r, records.get(r.service().name()),
        unknown ? null : counted.getOrDefault(r.service().name(), Map.of()))).toList(), engineAway);
  }

  /**
   * Which versions run, when more than the recorded one does (a deployment rolls them over): the
   * recorded tag's containers first, as old, then the others, as new. Null when only one runs.
   */
  static String versionMix(String recordedTag, Map<String, Long> byTag) {
    if (byTag.isEmpty() || byTag.size() == 1 && byTag.containsKey(recordedTag)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    Long old = byTag.get(recordedTag);
    if (old != null) {
      parts.add(old + " old (" + recordedTag + ")");
    }
    byTag.forEach((tag, count) -> {
      if (!tag.equals(recordedTag)) {
        parts.add(count + " new (" + tag + ")");
      }
    });
    return String.join(", ", parts);
  }

  /**
   * The tag the watcher wants, as a candidate: only when it differs from what runs and is not an
   * older version (a pin to an older tag is shown as the pin, never as a candidate).
   */
  static String candidate(String wanted, String running) {
    if (wanted == null || wanted.equals(running)) {
      return null;
    }
    Optional<TagVersion> wantedVersion = TagVersion.of(wanted);
    Optional<TagVersion> runningVersion = TagVersion.of(running);
    boolean older = wantedVersion.isPresent() && runningVersion.isPresent()
        && wantedVersion.get().compareTo(runningVersion.get()) < 0;
    return older ? null : wanted;
  }

  private static boolean matches(ServiceReview review, String search) {
    String wanted = search.strip().toLowerCase(Locale.ROOT);
    return review.service().name().toLowerCase(Locale.ROOT).contains(wanted)
        || review.service().repository().toLowerCase(Locale.ROOT).contains(wanted);
  }

  /** @param byTag the service's running containers by tag; null when the engine could not be asked */
  private static ServiceRow row(ServiceReview review, ServiceRecord record, Map<String, Long> byTag) {
    int running = byTag == null ? -1 : (int) byTag.values().stream().mapToLong(Long::longValue).sum();
    String mix = byTag == null ? null : versionMix(review.service().tag(), byTag);
    int target = record.definition().replicas();
    ServiceState state = running < 0 ? record.state() : ServiceState.observed(record.state(), target, running);
    var verdict = review.verdict();
    String candidate = candidate(verdict.wantedTag(), review.service().tag());
    return new ServiceRow(review.service().name(), record.uuid(), state.label(), review.service().repository(),
        review.service().tag(), review.service().digest(), running, mix, target, candidate, verdict.hold().label(),
        verdict.hold().sentence(), review.policy().pinnedTag(), review.policy().autoDeploy(),
        verdict.hold() == Hold.QUARANTINED);
  }
}
