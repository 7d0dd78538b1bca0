package io.mooring.api.harmony;

import io.mooring.api.common.images.TagRule;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.errors.BodyParameters;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /service-image-tag/{service}}, read the way Harmony reads it: first that
 * there is a tag, then that nothing else but the regression test version came with it. The tag's
 * syntax is checked later, after the service is known to exist, as in Harmony.
 */
record TagUpdate(JsonNode tag, JsonNode regressionTestVersion) {

  private static final List<String> ALLOWED = List.of("tag", "regression_test_version");

  static TagUpdate read(JsonNode body) {
    if (body == null || !body.isObject() || !body.hasNonNull("tag")
        || (body.get("tag").isString() && body.get("tag").asString().isEmpty())) {
      throw ApiProblem.badRequest("tag-required", "'tag' is a required body parameter");
    }
    BodyParameters.onlyAllowed(body, ALLOWED);
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
