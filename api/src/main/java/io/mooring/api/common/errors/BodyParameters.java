package io.mooring.api.common.errors;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Checks for JSON request bodies that every endpoint answers the same way. */
public final class BodyParameters {
  private BodyParameters() {}

  /** Refuses a body that carries keys other than {@code allowed}, naming a few of the strays. */
  public static void onlyAllowed(JsonNode body, List<String> allowed) {
    Set<String> unknown = new TreeSet<>(body.propertyNames());
    allowed.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw HttpProblems.unknownParameters(unknown, allowed);
    }
  }
}
