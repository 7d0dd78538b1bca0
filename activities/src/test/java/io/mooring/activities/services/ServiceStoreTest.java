package io.mooring.activities.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.common.StoreTestDatabase;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStoreTest {

  @TempDir Path directory;
  private ServiceStore store;

  @BeforeEach
  void createDatabase() {
    store = new ServiceStore(StoreTestDatabase.create(directory), Clock.systemUTC());
  }

  @Test
  void registersAServiceWithItsEnvironment() {
    store.register(web("1.0.0", 2, Map.of("GREETING", "hi")));
    var stored = store.find("web").orElseThrow();
    assertThat(stored.replicas()).isEqualTo(2);
    assertThat(stored.env()).containsExactly(Map.entry("GREETING", "hi"));
  }

  @Test
  void reRegisteringKeepsTheVersionThatRunsButTakesNewSettings() {
    store.register(web("1.0.0", 2, Map.of("GREETING", "hi")));
    store.recordVersion("web", "1.4.0", "sha256:14");
    store.register(web("1.0.0", 3, Map.of("GREETING", "hello")));
    var stored = store.find("web").orElseThrow();
    assertThat(stored.tag()).isEqualTo("1.4.0");
    assertThat(stored.digest()).isEqualTo("sha256:14");
    assertThat(stored.replicas()).isEqualTo(3);
    assertThat(stored.env()).containsExactly(Map.entry("GREETING", "hello"));
  }

  @Test
  void listsServicesByName() {
    store.register(new ServiceDefinition("zeta", "127.0.0.1:5000/z", "1", null, 1, 19000, null, Map.of(), null, null));
    store.register(web("1.0.0", 1, Map.of()));
    assertThat(store.findAll()).extracting(ServiceDefinition::name).containsExactly("web", "zeta");
  }

  @Test
  void servicesStoredBeforeRuntimesWereRecordedRunOnTheEngine() {
    var before = StoreTestDatabase.migrate(directory.resolve("older"), "10");
    before.sql("""
            INSERT INTO service (name, uuid, display_name, repository, tag, replicas, port, created_at, updated_at)
            VALUES ('web', :uuid, 'web', '127.0.0.1:5000/demo/web', '1.0.0', 1, 18080, :now, :now)""")
        .param("uuid", UUID.randomUUID())
        .param("now", Timestamp.from(Instant.now()))
        .update();

    var after = new ServiceStore(StoreTestDatabase.migrate(directory.resolve("older"), null), Clock.systemUTC());

    assertThat(after.find("web").orElseThrow().runtime()).isEqualTo(RuntimeKind.ENGINE);
  }

  @Test
  void keepsTheRuntimeAServiceWasCreatedOn() {
    store.register(web("1.0.0", 1, Map.of()));
    assertThat(store.find("web").orElseThrow().runtime()).isEqualTo(RuntimeKind.ENGINE);
  }

  private static ServiceDefinition web(String tag, int replicas, Map<String, String> env) {
    return new ServiceDefinition("web", "127.0.0.1:5000/demo/web", tag, null, replicas, 18080, "/health", env, null, null);
  }
}
