package io.mooring.activities.watch;

import java.time.Instant;
import java.util.List;

/**
 * A repository the registry watcher reads, and how its last read went.
 *
 * @param repository with its registry host, e.g. {@code 127.0.0.1:5000/demo/web}
 * @param credentials named registry credentials, or null to read anonymously
 * @param pinnedTags the tags services of this repository pin, whose digests each read resolves
 * @param polledAt when the registry last answered its tag list; null before the first answer
 * @param pollError why the last read failed; null when it succeeded
 * @param missing the registry says there is no such repository
 * @param nextPollAt when it was due as read: a read leaves a due time someone changed meanwhile as it is
 */
public record WatchedRepository(
    String repository,
    String credentials,
    int intervalSeconds,
    List<String> pinnedTags,
    Instant polledAt,
    String pollError,
    boolean missing,
    Instant nextPollAt) {

  public WatchedRepository {
    pinnedTags = pinnedTags == null ? List.of() : List.copyOf(pinnedTags);
  }
}
