package io.mooring.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mooring.activities.common.StoreTestDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class WebhookDeliveryTest {

  private static final String SECRET = "webhook-secret-for-tests";

  @TempDir Path directory;
  private HttpServer receiver;
  private final List<String[]> received = new CopyOnWriteArrayList<>();
  private volatile int answer = 204;
  private Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private NotificationOutbox outbox;
  private WebhookSender sender;
  private String url;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new String[] {exchange.getRequestHeaders().getFirst("X-Mooring-Signature-256"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst("X-Mooring-Event")});
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
    });
    receiver.start();
    url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    outbox = outbox(clock);
    sender = new WebhookSender(new NotificationSettings(List.of(url), SECRET));
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  @Test
  void queuesAnEventOnceHoweverOftenItIsSeen() {
    outbox.queue("version:web:1.1.0", "new-version", "{\"tag\":\"1.1.0\"}", List.of(url));
    outbox.queue("version:web:1.1.0", "new-version", "{\"tag\":\"1.1.0\"}", List.of(url));
    assertThat(outbox.due(10)).hasSize(1);
    assertThat(outbox.known(List.of("version:web:1.1.0", "version:web:1.2.0"))).containsExactly("version:web:1.1.0");
  }

  @Test
  void signsEachBodyWithTheSecret() throws Exception {
    outbox.queue("version:web:1.1.0", "new-version", "{\"tag\":\"1.1.0\"}", List.of(url));
    Notification due = outbox.due(10).get(0);
    assertThat(sender.send(due)).isEmpty();
    outbox.delivered(due);

    assertThat(received).hasSize(1);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(received.get(0)[1].getBytes(StandardCharsets.UTF_8)));
    assertThat(received.get(0)[0]).isEqualTo(expected);
    assertThat(received.get(0)[2]).isEqualTo("new-version");
    assertThat(outbox.due(10)).as("delivered once, never again").isEmpty();
  }

  @Test
  void triesAReceiverThatIsDownAgainLaterAndLessOften() {
    answer = 503;
    outbox.queue("outcome:1", "deployment-outcome", "{}", List.of(url));
    Notification due = outbox.due(10).get(0);
    assertThat(sender.send(due)).contains("the receiver answered HTTP 503");
    outbox.failed(due, "the receiver answered HTTP 503");
    assertThat(outbox.due(10)).as("not before its back-off").isEmpty();

    outbox = outbox(Clock.offset(clock, Duration.ofSeconds(2)));
    answer = 200;
    Notification again = outbox.due(10).get(0);
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(sender.send(again)).isEmpty();
  }

  private NotificationOutbox outbox(Clock at) {
    DataSource database = StoreTestDatabase.dataSource(directory);
    return new NotificationOutbox(JdbcClient.create(database), new JdbcTemplate(database), at);
  }
}
