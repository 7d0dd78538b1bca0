package io.mooring.api.harmony;

import io.mooring.api.errors.ApiProblem;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /service-image-tag/{service}}, read the way Harmony reads it: first that
 * there is a tag, then that nothing else but the regression test version came with it. The tag's
 * syntax is checked later, after the service is known to exist, as in Harmony.
 */
record TagUpdate(JsonNode tag, JsonNode regressionTestVersion) {

  private static final Set<String> ALLOWED = Set.of("tag", "regression_test_version");

  static TagUpdate read(JsonNode body) {
    if (body == null || !body.isObject() || !body.hasNonNull("tag")
        || (body.get("tag").isString() && body.get("tag").asString().isEmpty())) {
      throw ApiProblem.badRequest("tag-required", "'tag' is a required body parameter");
    }
    Set<String> unknown = new TreeSet<>(body.propertyNames());
    unknown.removeAll(ALLOWED);
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest("unknown-parameter", "Unknown body parameter(s): '" + String.join("', '", unknown)
          + "'. Only 'tag' and 'regression_test_version' are allowed.");
    }
    return new TagUpdate(body.get("tag"), body.get("regression_test_version"));
  }

  /** The tag, once it is known to follow Docker's rule. */
  String validTag() {
    if (!tag.isString() || !TagRule.allows(tag.asString())) {
      throw ApiProblem.badRequest("invalid-tag", TagRule.SENTENCE);
    }
    return tag.asString();
  }

  /** The regression test version, {@code latest} when not given, validated like a tag. */
  String validRegressionTestVersion() {
    if (regressionTestVersion == null || regressionTestVersion.isNull()) {
      return "latest";
    }
    if (!regressionTestVersion.isString() || !TagRule.allows(regressionTestVersion.asString())) {
      throw ApiProblem.badRequest("invalid-regression-test-version",
          "'regression_test_version' is not a valid tag. " + TagRule.SENTENCE);
    }
    return regressionTestVersion.asString();
  }
}
