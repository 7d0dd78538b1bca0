package io.mooring.api.tutum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Tutum's list envelope. Tutum's SDK pages on while {@code next} is set, asking for
 * {@code offset + limit} with the same {@code limit}.
 */
record TutumPage<T>(Meta meta, List<T> objects) {

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
}
