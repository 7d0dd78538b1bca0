package io.mooring.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mooring.activities.common.StoreTestDatabase;
import io.mooring.activities.registry.LocalRegistry.Auth;
import io.mooring.activities.registry.TagPollActivities.Outcome;
import io.mooring.activities.registry.TagPollActivities.PollDue;
import io.mooring.activities.registry.TagPollActivities.PollReport;
import io.mooring.activities.watch.CachedTag;
import io.mooring.activities.watch.TagCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class TagPollerTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir Path directory;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
  private LocalRegistry registry;
  private TagCache cache;
  private TagReader reader;
  private TagPoller poller;

  @BeforeEach
  void start() throws Exception {
    registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.0.0", DIGEST).with("demo/web", "1.1.0", DIGEST);
    DataSource database = StoreTestDatabase.dataSource(directory);
    cache = new TagCache(JdbcClient.create(database), new JdbcTemplate(database), clock);
    reader = new TagReader(new RegistryClient(new RegistryEndpoints(Set.of()), Duration.ofSeconds(5)),
        new RegistrySettings(Map.of(), Set.of(), registry.host(), Set.of()), cache, new SimpleMeterRegistry(), clock);
    poller = new TagPoller(cache, reader, new WatchSettings(4));
  }

  @AfterEach
  void stop() {
    poller.stopReading();
    registry.close();
  }

  @Test
  void readsAnImageOnceAndServesItsTagsFromTheCache() {
    String repository = registry.host() + "/demo/web";
    assertThat(reader.readNow(repository, null).outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(cache.tags(repository)).extracting(CachedTag::tag).containsExactlyInAnyOrder("1.0.0", "1.1.0");
    assertThat(registry.tagPages.get()).isEqualTo(1);
    // Not due again before its interval: a cycle now reads nothing.
    assertThat(poller.poll(new PollDue(100), () -> { }).polled()).isZero();
    assertThat(registry.tagPages.get()).isEqualTo(1);
  }

  @Test
  void aRereadKeepsWhenEachTagWasFirstSeen() {
    String repository = registry.host() + "/demo/web";
    reader.readNow(repository, null);
    clock.move(Duration.ofSeconds(61));
    registry.with("demo/web", "1.2.0", DIGEST);
    PollReport report = poller.poll(new PollDue(100), () -> { });
    assertThat(report.polled()).isEqualTo(1);
    assertThat(report.changed()).isEqualTo(1);
    assertThat(cache.tags(repository)).extracting(CachedTag::tag, CachedTag::firstSeenAt).containsExactly(
        org.assertj.core.groups.Tuple.tuple("1.0.0", Instant.parse("2026-11-24T12:00:00Z")),
        org.assertj.core.groups.Tuple.tuple("1.1.0", Instant.parse("2026-11-24T12:00:00Z")),
        org.assertj.core.groups.Tuple.tuple("1.2.0", Instant.parse("2026-11-24T12:01:01Z")));
  }

  @Test
  void aChangeMadeWhileARepositoryIsReadKeepsItDue() {
    String repository = registry.host() + "/demo/web";
    cache.enlist(repository, null);
    var read = cache.find(repository).orElseThrow();
    clock.move(Duration.ofSeconds(1));
    cache.dueNow(repository);   // an operator's change, while the read is on its way
    reader.read(read);
    assertThat(poller.poll(new PollDue(100), () -> { }).polled()).as("due again at once").isEqualTo(1);
  }

  @Test
  void pagesThroughARepositoryWithMoreTagsThanOnePage() {
    registry.pageSize = 2;
    registry.with("demo/web", "1.2.0", DIGEST).with("demo/web", "1.3.0", DIGEST).with("demo/web", "2.0.0", DIGEST);
    String repository = registry.host() + "/demo/web";
    reader.readNow(repository, null);
    assertThat(cache.tags(repository)).hasSize(5);
    assertThat(registry.tagPages.get()).isEqualTo(3);
  }

  @Test
  void leavesABusyRegistryAloneForAsLongAsItAsks() {
    String repository = registry.host() + "/demo/web";
    registry.busy = "429 30";
    assertThat(reader.readNow(repository, null).outcome()).isEqualTo(Outcome.UNAVAILABLE);
    clock.move(Duration.ofSeconds(29));
    assertThat(poller.poll(new PollDue(100), () -> { }).polled()).isZero();
    registry.busy = null;
    clock.move(Duration.ofSeconds(2));
    assertThat(poller.poll(new PollDue(100), () -> { }).polled()).isEqualTo(1);
    assertThat(cache.tags(repository)).hasSize(2);
  }

  @Test
  void aPinnedTagWhoseManifestIsGoneKeepsTheRestOfTheListing() {
    String repository = registry.host() + "/demo/web";
    cache.enlist(repository, null);
    var watched = cache.find(repository).orElseThrow();
    var pinning = new io.mooring.activities.watch.WatchedRepository(repository, null, 60, java.util.List.of("1.1.0"),
        null, null, false, watched.nextPollAt());
    registry.listOnly("demo/web", "1.1.0");
    assertThat(reader.read(pinning)).isEqualTo(Outcome.CHANGED);
    assertThat(cache.tags(repository)).extracting(CachedTag::tag).containsExactlyInAnyOrder("1.0.0", "1.1.0");
    assertThat(watched.missing()).isFalse();
  }

  @Test
  void anImageAskedForThatTheRegistryDoesNotHaveIsNotWatched() {
    String repository = registry.host() + "/demo/nothing";
    var result = reader.readNow(repository, null);
    assertThat(result.outcome()).isEqualTo(Outcome.MISSING);
    assertThat(cache.find(repository)).isEmpty();
  }

  /** A clock the test moves, so intervals pass without waiting. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
