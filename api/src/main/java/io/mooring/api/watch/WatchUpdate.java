package io.mooring.api.watch;

import io.mooring.activities.versions.UpgradeStrategy;
import io.mooring.activities.watch.WatchPolicy;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.errors.BodyParameters;
import io.mooring.api.common.images.TagRule;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of registrywatcher's {@code POST /tags/{repo}}: its {@code pinned_tag} and
 * {@code auto_deploy}, and Mooring's own policy fields. Each field is null when not sent; all are
 * checked before anything is stored.
 */
record WatchUpdate(String pinnedTag, Boolean autoDeploy, UpgradeStrategy strategy, Boolean preReleases,
    Integer pollIntervalSeconds, Integer minimumAgeSeconds) {

  static final List<String> FIELDS = List.of("pinned_tag", "auto_deploy", "strategy", "pre_releases",
      "poll_interval_seconds", "minimum_age_seconds");
  /** Shorter would have the one watcher cycle without pause for a single service. */
  static final int SHORTEST_INTERVAL = 2;
  static final int LONGEST_INTERVAL = 86_400;
  static final int OLDEST_MINIMUM_AGE = 30 * 86_400;

  static WatchUpdate read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw WatchProblems.emptyUpdate();
    }
    try {
      BodyParameters.onlyAllowed(body, FIELDS);
    } catch (ApiProblem stray) {
      throw WatchProblems.message(stray);
    }
    WatchUpdate update = new WatchUpdate(pinnedTag(body.get("pinned_tag")), flag(body, "auto_deploy"),
        strategy(body.get("strategy")), flag(body, "pre_releases"),
        seconds(body, "poll_interval_seconds", SHORTEST_INTERVAL, LONGEST_INTERVAL), seconds(body, "minimum_age_seconds", 0,
            OLDEST_MINIMUM_AGE));
    if (update.equals(new WatchUpdate(null, null, null, null, null, null))) {
      throw WatchProblems.emptyUpdate();
    }
    return update;
  }

  /** The policy with every field that was sent. */
  WatchPolicy applyTo(WatchPolicy policy) {
    WatchPolicy updated = policy.withSchedule(
        strategy == null ? policy.strategy() : strategy,
        preReleases == null ? policy.preReleases() : preReleases,
        pollIntervalSeconds == null ? policy.intervalSeconds() : pollIntervalSeconds,
        minimumAgeSeconds == null ? policy.minimumAgeSeconds() : minimumAgeSeconds);
    if (autoDeploy != null) {
      updated = updated.withAutoDeploy(autoDeploy);
    }
    if (pinnedTag != null) {
      // An operator's pin is theirs: not one a manual deployment set, so a reset or a new pin replaces it.
      updated = updated.withPin(pinnedTag, null);
    }
    return updated;
  }

  private static String pinnedTag(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (!value.isString() || !(value.asString().isEmpty() || TagRule.allows(value.asString()))) {
      throw WatchProblems.invalidField("pinned_tag", "\"\" (follow the newest version) or a tag. " + TagRule.SENTENCE);
    }
    return value.asString();
  }

  private static Boolean flag(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw WatchProblems.invalidField(field, "true or false");
    }
    return value.asBoolean();
  }

  private static UpgradeStrategy strategy(JsonNode value) {
    if (value == null) {
      return null;
    }
    return UpgradeStrategy.parse(value.isString() ? value.asString() : null)
        .orElseThrow(() -> WatchProblems.invalidField("strategy", "one of " + WatchProblems.STRATEGIES));
  }

  private static Integer seconds(JsonNode body, String field, int least, int most) {
    JsonNode value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < least || value.asInt() > most) {
      throw WatchProblems.invalidField(field, "a whole number of seconds from " + least + " to " + most);
    }
    return value.asInt();
  }
}
