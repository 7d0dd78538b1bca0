package io.mooring.api.watch;

import io.mooring.api.common.errors.ApiProblem;
import io.mooring.activities.versions.UpgradeStrategy;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Every refusal of Image-Watcher's and registrywatcher's paths, with its sentence. Registrywatcher's
 * clients read {@code message}, so its problems carry the sentence there too.
 */
final class WatchProblems {
  private WatchProblems() {}

  static final String STRATEGIES = Arrays.stream(UpgradeStrategy.values()).map(UpgradeStrategy::label)
      .collect(Collectors.joining(", "));

  static ApiProblem invalidStrategy(String given) {
    return ApiProblem.badRequest("invalid-strategy", given == null
        ? "'strategy' is required: one of " + STRATEGIES + "."
        : "'strategy' must be one of " + STRATEGIES + ", not '" + abbreviate(given) + "'.");
  }

  static ApiProblem notAVersion(String tag) {
    return ApiProblem.badRequest("not-a-version",
        "'" + abbreviate(tag) + "' is not a version, so no version is newer. Tags such as v1.2.3, 1.2 and"
            + " 1.2.3-patch.1 are versions.");
  }

  static ApiProblem invalidName(String what, String value) {
    return ApiProblem.badRequest("invalid-image-name", "'" + abbreviate(value) + "' is not a valid " + what
        + ": lowercase letters and digits, separated by single periods, underscores or dashes.");
  }

  static ApiProblem registryNotAllowed(String repository) {
    return ApiProblem.badRequest("registry-not-allowed", "Mooring does not read the registry of " + repository + ".");
  }

  static ApiProblem unknownImage(String repository) {
    return ApiProblem.notFound("unknown-image", "The registry has no image " + repository + ".");
  }

  static ApiProblem registryUnavailable(String repository, String reason) {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
        "The tags of " + repository + " could not be read: " + (reason == null ? "the registry did not answer" : reason)
            + ". Try again later.");
  }

  static ApiProblem unknownRepository(String repository) {
    return message(ApiProblem.badRequest("unknown-repository",
        "Repository " + abbreviate(repository) + " is not watched: it is not the name of a service."));
  }

  static ApiProblem emptyUpdate() {
    return message(ApiProblem.badRequest("empty-update",
        "Send at least one of pinned_tag, auto_deploy, strategy, pre_releases, poll_interval_seconds and"
            + " minimum_age_seconds."));
  }

  static ApiProblem invalidField(String field, String expected) {
    return message(ApiProblem.badRequest("invalid-" + field.replace('_', '-'), "'" + field + "' must be " + expected + "."));
  }

  /** Registrywatcher answers refusals with {@code {"message"}}: the same sentence as the detail. */
  static ApiProblem message(ApiProblem problem) {
    return problem.with("message", problem.getMessage());
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
