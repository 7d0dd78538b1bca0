package io.mooring.activities.watch;

import io.mooring.activities.common.StoreColumns;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tags of every watched repository as the registry last listed them, and when each repository
 * is due to be read again. The registry watcher writes it; Image-Watcher's and registrywatcher's
 * answers read it, so no request waits for a registry once a repository is cached.
 */
@Repository
public class TagCache {

  /** Registrywatcher's and Image-Watcher's interval when nothing else is set. */
  public static final int DEFAULT_INTERVAL_SECONDS = 60;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final Clock clock;

  public TagCache(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.clock = clock;
  }

  /**
   * Adds the repository of every service that is not terminated, due at once, and keeps each
   * repository's interval at the shortest its services ask for.
   */
  @Transactional
  public void enlistServiceRepositories() {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
            INSERT INTO watched_repository (repository, credentials, interval_seconds, next_poll_at)
            SELECT s.repository, MIN(s.credentials), MIN(COALESCE(w.interval_seconds, :default)), :now
              FROM service s LEFT JOIN service_watch w ON w.service = s.name
             WHERE s.state <> 'Terminated'
               AND NOT EXISTS (SELECT 1 FROM watched_repository r WHERE r.repository = s.repository)
             GROUP BY s.repository
            ON CONFLICT DO NOTHING""")
        .param("default", DEFAULT_INTERVAL_SECONDS)
        .param("now", now)
        .update();
    // A repository first asked for by name, or whose services changed credentials, reads as they do now.
    jdbc.sql("""
            UPDATE watched_repository r
               SET credentials = (SELECT MIN(s.credentials) FROM service s
                                   WHERE s.repository = r.repository AND s.state <> 'Terminated')
             WHERE EXISTS (SELECT 1 FROM service s WHERE s.repository = r.repository AND s.state <> 'Terminated'
                             AND s.credentials IS NOT NULL
                             AND (r.credentials IS NULL OR r.credentials <> s.credentials))""")
        .update();
  }

  /** Adds a repository asked for by name (Image-Watcher), due at once; a known one is left as it is. */
  public void enlist(String repository, String credentials) {
    jdbc.sql("""
            INSERT INTO watched_repository (repository, credentials, interval_seconds, next_poll_at)
            VALUES (:repository, :credentials, :interval, :now)
            ON CONFLICT DO NOTHING""")
        .param("repository", repository)
        .param("credentials", credentials)
        .param("interval", DEFAULT_INTERVAL_SECONDS)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * Stops watching a repository no service runs from: an image asked for that the registry does
   * not have is not read again and again.
   */
  public void forgetUnlessUsed(String repository) {
    jdbc.sql("""
            DELETE FROM watched_repository WHERE repository = :repository
               AND NOT EXISTS (SELECT 1 FROM service s WHERE s.repository = :repository AND s.state <> 'Terminated')""")
        .param("repository", repository).update();
  }

  /** Reads a repository as often as the most eager of its services asks, from its next read on. */
  public void followIntervals(String repository) {
    jdbc.sql("""
            UPDATE watched_repository
               SET interval_seconds = COALESCE((SELECT MIN(COALESCE(w.interval_seconds, :default))
                                                  FROM service s LEFT JOIN service_watch w ON w.service = s.name
                                                 WHERE s.repository = :repository AND s.state <> 'Terminated'),
                                               :default)
             WHERE repository = :repository""")
        .param("default", DEFAULT_INTERVAL_SECONDS).param("repository", repository).update();
  }

  /** Makes a repository due at once (an operator changed what its services want). */
  public void dueNow(String repository) {
    jdbc.sql("UPDATE watched_repository SET next_poll_at = :now WHERE repository = :repository")
        .param("now", Timestamp.from(clock.instant())).param("repository", repository).update();
  }

  /** The repositories whose next read is due, oldest due first, with the tags their services pin. */
  public List<WatchedRepository> due(int limit) {
    List<WatchedRepository> due = jdbc.sql("""
            SELECT * FROM watched_repository WHERE next_poll_at <= :now ORDER BY next_poll_at LIMIT :limit""")
        .param("now", Timestamp.from(clock.instant()))
        .param("limit", limit)
        .query((rs, i) -> new WatchedRepository(rs.getString("repository"), rs.getString("credentials"),
            rs.getInt("interval_seconds"), List.of(), StoreColumns.instant(rs, "polled_at"),
            rs.getString("poll_error"), rs.getBoolean("missing"), StoreColumns.instant(rs, "next_poll_at")))
        .list();
    if (due.isEmpty()) {
      return due;
    }
    Map<String, List<String>> pins = new HashMap<>();
    jdbc.sql("""
            SELECT DISTINCT s.repository, w.pinned_tag FROM service s JOIN service_watch w ON w.service = s.name
             WHERE w.pinned_tag <> '' AND s.state <> 'Terminated'""")
        .query(rs -> {
          pins.computeIfAbsent(rs.getString("repository"), r -> new ArrayList<>()).add(rs.getString("pinned_tag"));
        });
    return due.stream().map(r -> new WatchedRepository(r.repository(), r.credentials(), r.intervalSeconds(),
        pins.getOrDefault(r.repository(), List.of()), r.polledAt(), r.pollError(), r.missing(), r.nextPollAt()))
        .toList();
  }

  /** When the next repository is due; empty when none is watched. */
  public Optional<Instant> nextDue() {
    return jdbc.sql("SELECT MIN(next_poll_at) FROM watched_repository").query(Timestamp.class).list().stream()
        .filter(Objects::nonNull).findFirst().map(Timestamp::toInstant);
  }

  public Optional<WatchedRepository> find(String repository) {
    return jdbc.sql("SELECT * FROM watched_repository WHERE repository = :repository")
        .param("repository", repository)
        .query((rs, i) -> new WatchedRepository(rs.getString("repository"), rs.getString("credentials"),
            rs.getInt("interval_seconds"), List.of(), StoreColumns.instant(rs, "polled_at"),
            rs.getString("poll_error"), rs.getBoolean("missing"), StoreColumns.instant(rs, "next_poll_at")))
        .optional();
  }

  /** When a repository's cached tags last changed; empty when it is not watched or has none yet. */
  public Optional<Instant> tagsChangedAt(String repository) {
    return jdbc.sql("SELECT tags_changed_at FROM watched_repository WHERE repository = :repository")
        .param("repository", repository).query(Timestamp.class).list().stream()
        .filter(Objects::nonNull).findFirst().map(Timestamp::toInstant);
  }

  /** The names of a repository's cached tags. */
  public List<String> tagNames(String repository) {
    return jdbc.sql("SELECT tag FROM image_tag WHERE repository = :repository")
        .param("repository", repository).query(String.class).list();
  }

  /** The cached tags of a repository, in the order they were first seen. */
  public List<CachedTag> tags(String repository) {
    return jdbc.sql("SELECT tag, first_seen_at, digest FROM image_tag WHERE repository = :repository"
            + " ORDER BY first_seen_at, tag")
        .param("repository", repository)
        .query((rs, i) -> new CachedTag(rs.getString("tag"), StoreColumns.instant(rs, "first_seen_at"),
            rs.getString("digest")))
        .list();
  }

  /** The cached tags of several repositories in one read, by repository. */
  public Map<String, List<CachedTag>> tags(Set<String> repositories) {
    Map<String, List<CachedTag>> tags = new LinkedHashMap<>();
    if (repositories.isEmpty()) {
      return tags;
    }
    jdbc.sql("SELECT repository, tag, first_seen_at, digest FROM image_tag WHERE repository IN (:repositories)"
            + " ORDER BY first_seen_at, tag")
        .param("repositories", repositories)
        .query(rs -> {
          tags.computeIfAbsent(rs.getString("repository"), r -> new ArrayList<>()).add(new CachedTag(
              rs.getString("tag"), StoreColumns.instant(rs, "first_seen_at"), rs.getString("digest")));
        });
    return tags;
  }

  /**
   * Stores what the registry listed: new tags are added as first seen now, tags no longer listed
   * go, and the pinned tags' digests are written. The repository is due again after its interval,
   * unless its due time was changed while it was read (an operator's change made it due now, with
   * perhaps another interval): that stands, and the next cycle reads it again.
   *
   * @return the tags that are new since the last read
   */
  @Transactional
  public List<String> listed(WatchedRepository watched, List<String> tags, Map<String, String> digests) {
    String repository = watched.repository();
    Instant now = clock.instant();
    Set<String> known = new HashSet<>(jdbc.sql("SELECT tag FROM image_tag WHERE repository = :repository")
        .param("repository", repository).query(String.class).list());
    Set<String> listed = new HashSet<>(tags);
    List<String> added = tags.stream().filter(tag -> !known.contains(tag)).distinct().toList();
    List<String> gone = known.stream().filter(tag -> !listed.contains(tag)).toList();
    Timestamp seen = Timestamp.from(now);
    // Another read of the same repository may have added a tag a moment ago: it keeps its first sighting.
    batches.batchUpdate("INSERT INTO image_tag (repository, tag, first_seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        added.stream().map(tag -> new Object[] {repository, tag, seen}).toList());
    batches.batchUpdate("DELETE FROM image_tag WHERE repository = ? AND tag = ?",
        gone.stream().map(tag -> new Object[] {repository, tag}).toList());
    // Digests are kept only for tags pinned now: one pinned long ago would otherwise compare a stale one.
    jdbc.sql("UPDATE image_tag SET digest = NULL WHERE repository = :repository AND digest IS NOT NULL")
        .param("repository", repository).update();
    batches.batchUpdate("UPDATE image_tag SET digest = ? WHERE repository = ? AND tag = ?",
        digests.entrySet().stream().map(d -> new Object[] {d.getValue(), repository, d.getKey()}).toList());
    jdbc.sql("""
            UPDATE watched_repository
               SET polled_at = :now, poll_error = NULL, missing = FALSE,
                   tags_changed_at = CASE WHEN :changed THEN :now ELSE tags_changed_at END,
                   next_poll_at = CASE WHEN next_poll_at = :wasDue THEN :next ELSE next_poll_at END
             WHERE repository = :repository""")
        .param("now", seen)
        .param("wasDue", Timestamp.from(watched.nextPollAt()))
        .param("changed", !added.isEmpty() || !gone.isEmpty())
        .param("next", Timestamp.from(now.plusSeconds(watched.intervalSeconds())))
        .param("repository", repository)
        .update();
    return added;
  }

  /**
   * Notes a read that failed; the repository is read again no sooner than {@code retryIn}.
   *
   * @param missing the registry said there is no such repository (its cached tags go)
   */
  @Transactional
  public void failed(WatchedRepository watched, String error, boolean missing, Duration retryIn) {
    String repository = watched.repository();
    if (missing) {
      jdbc.sql("DELETE FROM image_tag WHERE repository = :repository").param("repository", repository).update();
      jdbc.sql("UPDATE watched_repository SET tags_changed_at = :now WHERE repository = :repository")
          .param("now", Timestamp.from(clock.instant())).param("repository", repository).update();
    }
    jdbc.sql("""
            UPDATE watched_repository
               SET poll_error = :error, missing = :missing,
                   next_poll_at = CASE WHEN next_poll_at = :wasDue THEN :next ELSE next_poll_at END
             WHERE repository = :repository""")
        .param("wasDue", Timestamp.from(watched.nextPollAt()))
        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
        .param("missing", missing)
        .param("next", Timestamp.from(clock.instant().plus(retryIn)))
        .param("repository", repository)
        .update();
  }
}
