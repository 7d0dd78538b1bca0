package io.mooring.api.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mooring.activities.versions.UpgradePolicy;
import io.mooring.activities.versions.UpgradeStrategy;
import io.mooring.activities.watch.ServiceReview;
import io.mooring.api.common.openapi.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One report across every service: what runs, what each strategy would pick, and why it is not applied. */
@RestController
@Tag(name = "registrywatcher: pins and auto-deploy")
class OutdatedController {

  private final WatchedServices watched;

  OutdatedController(WatchedServices watched) {
    this.watched = watched;
  }

  @Operation(summary = "Every service: its current tag, the best candidate by each strategy, and why the watcher"
      + " does not apply what its policy wants (pinned, auto-deploy off, quarantined, too young, deployments"
      + " disabled, waiting in line)")
  @ProblemResponses(forbidden = false)
  @GetMapping(path = "/outdated", produces = MediaType.APPLICATION_JSON_VALUE)
  OutdatedReport report() {
    return new OutdatedReport(watched.all().stream().map(OutdatedService::of).toList());
  }

  record OutdatedReport(List<OutdatedService> services) {}

  /**
   * @param candidates the newest version by each strategy, ignoring the minimum age; absent when the
   *     current tag is not a version
   * @param outdated a newer version than the current one is listed
   */
  record OutdatedService(
      String service,
      String repository,
      @JsonProperty("current_tag") String currentTag,
      @JsonProperty("current_digest") @JsonInclude(JsonInclude.Include.NON_NULL) String currentDigest,
      Map<String, String> candidates,
      boolean outdated,
      @JsonProperty("wanted_tag") String wantedTag,
      String hold,
      String reason,
      @JsonProperty("auto_deploy") boolean autoDeploy,
      @JsonProperty("pinned_tag") String pinnedTag,
      String strategy,
      List<String> quarantined) {

    static OutdatedService of(ServiceReview review) {
      String current = review.service().tag();
      Map<String, String> candidates = new LinkedHashMap<>();
      for (UpgradeStrategy strategy : UpgradeStrategy.values()) {
        UpgradePolicy.best(current, review.tagNames(), strategy, review.policy().preReleases())
            .ifPresent(best -> candidates.put(strategy.label(), best));
      }
      boolean outdated = candidates.values().stream().anyMatch(best -> !best.equals(current));
      return new OutdatedService(review.service().name(), review.service().repository(), current,
          review.service().digest(), candidates, outdated, review.verdict().wantedTag(),
          review.verdict().hold().label(), review.verdict().hold().sentence(), review.policy().autoDeploy(),
          review.policy().pinnedTag(), review.policy().strategy().label(),
          review.quarantined().stream().sorted().toList());
    }
  }
}
