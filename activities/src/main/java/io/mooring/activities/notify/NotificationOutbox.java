package io.mooring.activities.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook notifications to deliver. Queued once per event and receiver (the key says so),
 * delivered until the receiver takes them, with a back-off that doubles up to an hour.
 */
@Repository
public class NotificationOutbox {

  /** About a day of attempts: 1 s, 2 s, 4 s, … up to an hour apart. */
  public static final int MOST_ATTEMPTS = 30;
  private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final Clock clock;

  public NotificationOutbox(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.clock = clock;
  }

  /** Which of these events are queued already (for any receiver). */
  public Set<String> known(Collection<String> eventKeys) {
    if (eventKeys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("SELECT DISTINCT event_key FROM notification WHERE event_key IN (:keys)")
        .param("keys", eventKeys).query(String.class).list());
  }

  /** Queues an event for every receiver; an event queued before is left as it is. */
  public void queue(String eventKey, String event, String body, List<String> urls) {
    Timestamp now = Timestamp.from(clock.instant());
    batches.batchUpdate("""
            INSERT INTO notification (event_key, url, event, body, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
        urls.stream().map(url -> new Object[] {eventKey, url, event, body, now, now}).toList());
  }

  /** Notifications whose next attempt is due, oldest first. */
  public List<Notification> due(int limit) {
    return jdbc.sql("""
            SELECT event_key, url, event, body, attempts FROM notification
             WHERE delivered_at IS NULL AND attempts < :most AND next_attempt_at <= :now
             ORDER BY next_attempt_at LIMIT :limit""")
        .param("most", MOST_ATTEMPTS)
        .param("now", Timestamp.from(clock.instant()))
        .param("limit", limit)
        .query((rs, i) -> new Notification(rs.getString("event_key"), rs.getString("url"), rs.getString("event"),
            rs.getString("body"), rs.getInt("attempts")))
        .list();
  }

  public void delivered(Notification notification) {
    jdbc.sql("""
            UPDATE notification SET delivered_at = :now, attempts = attempts + 1, last_error = NULL
             WHERE event_key = :key AND url = :url""")
        .param("now", Timestamp.from(clock.instant()))
        .param("key", notification.eventKey())
        .param("url", notification.url())
        .update();
  }

  public void failed(Notification notification, String error) {
    long seconds = Math.min(LONGEST_BACKOFF.toSeconds(), 1L << Math.min(notification.attempts(), 20));
    Instant next = clock.instant().plusSeconds(seconds);
    jdbc.sql("""
            UPDATE notification SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
             WHERE event_key = :key AND url = :url""")
        .param("next", Timestamp.from(next))
        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
        .param("key", notification.eventKey())
        .param("url", notification.url())
        .update();
  }

  /**
   * Automatic deployments that ended since {@code since} and whose outcome is not queued yet.
   *
   * @param watcher the username automatic deployments are recorded under
   */
  public List<UUID> endedWithoutOutcome(String watcher, Instant since) {
    return jdbc.sql("""
            SELECT d.id FROM deployment d
             WHERE d.username = :watcher AND d.status <> 'running' AND d.updated_at > :since
               AND NOT EXISTS (SELECT 1 FROM notification n
                                WHERE n.event_key = CONCAT('outcome:', CAST(d.id AS VARCHAR(36))))""")
        .param("watcher", watcher)
        .param("since", Timestamp.from(since))
        .query(UUID.class)
        .list();
  }
}
