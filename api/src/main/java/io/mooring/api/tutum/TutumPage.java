package io.mooring.api.tutum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.mooring.api.common.errors.ApiProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tutum's list envelope. Tutum's SDK pages on while {@code next} is set, asking for
 * {@code offset + limit} with the same {@code limit}.
 */
record TutumPage<T>(Meta meta, List<T> objects) {

  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 1000;

  record Meta(
      int limit,
      int offset,
      @JsonProperty("total_count") long totalCount,
      @Schema(nullable = true, description = "The next page's path; null on the last page") String next,
      @Schema(nullable = true, description = "The previous page's path; null on the first page") String previous) {}

  /** The page of {@code objects} at {@code offset}, with links to its neighbours under {@code path}. */
  static <T> TutumPage<T> of(List<T> objects, long total, int limit, int offset, String path, String filters) {
    String query = filters.isEmpty() ? "" : filters + "&";
    String next = offset + limit < total ? path + "?" + query + "limit=" + limit + "&offset=" + (offset + limit) : null;
    String previous = offset > 0 ? path + "?" + query + "limit=" + limit + "&offset=" + Math.max(0, offset - limit) : null;
    return new TutumPage<>(new Meta(limit, offset, total, next, previous), objects);
  }

  /** Refuses a page that cannot be served. */
  static void checkBounds(int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      throw ApiProblem.badRequest("invalid-page", "limit must be from 1 to " + MAX_LIMIT + " and offset 0 or more");
    }
  }

  /** The filters a caller gave (null values left out), as the query the neighbouring pages repeat. */
  static String filters(String... keysAndValues) {
    List<String> given = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        given.add(keysAndValues[i] + "=" + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
      }
    }
    return String.join("&", given);
  }
}
