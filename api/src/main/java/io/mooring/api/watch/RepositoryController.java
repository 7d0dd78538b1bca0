package io.mooring.api.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceStore;
import io.mooring.activities.versions.UpgradePolicy;
import io.mooring.activities.watch.ServiceReview;
import io.mooring.activities.watch.WatchPolicies;
import io.mooring.activities.watch.WatchPolicy;
import io.mooring.api.common.actions.ActionOrigins;
import io.mooring.api.common.deployments.Deployer;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.links.PublicLinks;
import io.mooring.api.common.openapi.ProblemResponses;
import io.mooring.api.common.security.Caller;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.mooring.workflows.watch.WatchClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Registrywatcher's API: each watched repository (a service, by its unique name) with its pinned
 * tag and auto-deploy switch, and the changes an operator makes to them.
 */
@RestController
@Tag(name = "registrywatcher: pins and auto-deploy")
class RepositoryController {

  /** Regression tests of a deployment a pin starts: the newest, as a Harmony PUT without one gets. */
  private static final String REGRESSION_TEST_VERSION = "latest";

  private final WatchedServices watched;
  private final WatchPolicies policies;
  private final ServiceStore services;
  private final Deployer deployer;
  private final PublicLinks links;
  private final WatchClient watch;
  private final Clock clock;

  RepositoryController(WatchedServices watched, WatchPolicies policies, ServiceStore services, Deployer deployer,
      PublicLinks links, WatchClient watch, Clock clock) {
    this.watched = watched;
    this.policies = policies;
    this.services = services;
    this.deployer = deployer;
    this.links = links;
    this.watch = watch;
    this.clock = clock;
  }

  @Operation(summary = "Health check: pong, to anyone")
  @ProblemResponses(forbidden = false, authenticated = false)
  @GetMapping(path = {"/ping", "/ping/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  Message ping() {
    return new Message("pong", null);
  }

  @Operation(summary = "Every watched repository: its pin, auto-deploy switch, tags, and what the watcher does with it")
  @ProblemResponses(forbidden = false)
  @GetMapping(path = {"/repos", "/repos/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, RepositoryView> repositories() {
    Map<String, RepositoryView> repositories = new LinkedHashMap<>();
    watched.all().forEach(review -> repositories.put(review.service().name(), RepositoryView.of(review)));
    return repositories;
  }

  @Operation(summary = "The tag a repository's pin stands for now")
  @ProblemResponses(forbidden = false)
  @GetMapping(path = "/tags/{repo}", produces = MediaType.APPLICATION_JSON_VALUE)
  RepositoryTag tag(@PathVariable String repo) {
    return new RepositoryTag(watched.one(repo).verdict().wantedTag());
  }

  @Operation(summary = "Pin a tag (deployed now, whatever runs), switch auto-deploy, or change the upgrade policy",
      description = "At least one field. pinned_tag \"\" follows the newest version by the strategy; any other tag is"
          + " deployed now and redeployed when its digest changes. Turning auto_deploy on deploys what the policy"
          + " wants at once, including versions pushed while it was off.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WatchUpdateBody.class)))
  @ProblemResponses({404, 409, 423})
  @PostMapping(path = "/tags/{repo}", produces = MediaType.APPLICATION_JSON_VALUE)
  Message update(@PathVariable String repo, @RequestBody(required = false) JsonNode body, Principal principal,
      HttpServletRequest http) {
    ServiceReview review = watched.one(repo);
    WatchUpdate update = WatchUpdate.read(body);
    String statusLink = null;
    if (update.pinnedTag() != null) {
      WatchPolicy wanted = update.applyTo(review.policy());
      String tag = update.pinnedTag().isEmpty()
          ? UpgradePolicy.best(review.service().tag(), review.tagNames(), wanted.strategy(), wanted.preReleases())
              .orElse(review.service().tag())
          : update.pinnedTag();
      statusLink = deploy(repo, tag, principal, http, body);
    }
    // Read again after the deployment's admission, which can take seconds: a change saved meanwhile stays.
    WatchPolicy policy = update.applyTo(policies.of(repo));
    policies.save(policy, review.service().repository());
    watch.wake();
    return new Message(sentence(repo, update, policy), statusLink);
  }

  @Operation(summary = "Follow the newest version again (pinned_tag back to \"\")")
  @ProblemResponses(forbidden = true)
  @PostMapping(path = "/tags/{repo}/reset", produces = MediaType.APPLICATION_JSON_VALUE)
  Message reset(@PathVariable String repo) {
    ServiceReview review = watched.one(repo);
    policies.save(review.policy().withPin("", null), review.service().repository());
    watch.wake();
    return new Message("Repository " + repo + " follows the newest version by " + review.policy().strategy().label()
        + " again.", null);
  }

  @Operation(summary = "Clear the quarantine: candidates whose automatic deployment failed may be deployed again")
  @ProblemResponses(forbidden = true)
  @DeleteMapping(path = "/tags/{repo}/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
  Message clearQuarantine(@PathVariable String repo) {
    ServiceReview review = watched.one(repo);
    policies.save(review.policy().withQuarantineCleared(clock.instant()), review.service().repository());
    watch.wake();
    return new Message("Quarantine of " + repo + " cleared: " + (review.quarantined().isEmpty() ? "nothing was held."
        : String.join(", ", review.quarantined()) + " may be deployed again."), null);
  }

  private String deploy(String repo, String tag, Principal principal, HttpServletRequest http, JsonNode body) {
    ServiceDefinition definition = services.find(repo).orElseThrow(() -> WatchProblems.unknownRepository(repo));
    UUID id = UUID.randomUUID();
    Caller caller = Caller.of(principal);
    try {
      deployer.start(DeploymentRequest.linked(id, caller.name(), definition, tag, REGRESSION_TEST_VERSION, links, true,
          caller.kind().label(), ActionOrigins.of(http, principal, body.toString())));
    } catch (ApiProblem refused) {
      throw WatchProblems.message(refused);
    }
    return links.deploymentStatus(id);
  }

  private static String sentence(String repo, WatchUpdate update, WatchPolicy policy) {
    StringBuilder said = new StringBuilder();
    if (update.pinnedTag() != null) {
      said.append(update.pinnedTag().isEmpty() ? "Repository " + repo + " follows the newest version; deploying it."
          : "Repository " + repo + " is pinned to " + update.pinnedTag() + "; deploying it.");
    }
    if (update.autoDeploy() != null) {
      said.append(said.isEmpty() ? "" : " ").append("Auto deploy for ").append(repo)
          .append(policy.autoDeploy() ? " is on." : " is off.");
    }
    if (update.strategy() != null || update.preReleases() != null || update.pollIntervalSeconds() != null
        || update.minimumAgeSeconds() != null) {
      said.append(said.isEmpty() ? "" : " ").append("Policy of ").append(repo).append(": ")
          .append(policy.strategy().label()).append(policy.preReleases() ? " with pre-releases" : "")
          .append(", read every ").append(policy.intervalSeconds()).append(" s, tags at least ")
          .append(policy.minimumAgeSeconds()).append(" s old.");
    }
    return said.toString();
  }

  /** Registrywatcher's answer; {@code status_link} when a deployment started. */
  record Message(String message,
      @JsonProperty("status_link") @JsonInclude(JsonInclude.Include.NON_NULL) String statusLink) {}

  record RepositoryTag(@JsonProperty("repo_tag") String repoTag) {}

  /**
   * Registrywatcher's fields, then what Mooring adds: what runs, the policy, and why the watcher
   * leaves the repository as it is.
   */
  record RepositoryView(
      @JsonProperty("auto_deploy") boolean autoDeploy,
      @JsonProperty("pinned_tag") String pinnedTag,
      @JsonProperty("pinned_tag_value") String pinnedTagValue,
      List<String> tags,
      @JsonProperty("current_tag") String currentTag,
      String strategy,
      @JsonProperty("pinned_by_deployment") @JsonInclude(JsonInclude.Include.NON_NULL) UUID pinnedByDeployment,
      List<String> quarantined,
      String hold) {

    static RepositoryView of(ServiceReview review) {
      WatchPolicy policy = review.policy();
      return new RepositoryView(policy.autoDeploy(), policy.pinnedTag(), review.verdict().wantedTag(),
          review.tagNames(), review.service().tag(), policy.strategy().label(), policy.pinnedByDeployment(),
          review.quarantined().stream().sorted().toList(), review.verdict().hold().label());
    }
  }

  /** The request body, for the OpenAPI document. */
  record WatchUpdateBody(
      @JsonProperty("pinned_tag") @Schema(description = "\"\" follows the newest version; a tag pins it") String pinnedTag,
      @JsonProperty("auto_deploy") Boolean autoDeploy,
      @Schema(allowableValues = {"major", "minor", "bugfix", "patch"}) String strategy,
      @JsonProperty("pre_releases") Boolean preReleases,
      @JsonProperty("poll_interval_seconds") @Schema(minimum = "2", maximum = "86400") Integer pollIntervalSeconds,
      @JsonProperty("minimum_age_seconds") @Schema(minimum = "0", maximum = "2592000") Integer minimumAgeSeconds) {}
}
