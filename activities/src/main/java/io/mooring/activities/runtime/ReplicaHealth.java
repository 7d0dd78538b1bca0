package io.mooring.activities.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Asks a replica on the loopback interface whether it is ready. */
public class ReplicaHealth {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

  // Short: the wait that asks also heartbeats between questions, and must not go quiet for long.
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /**
   * What a health check got: healthy on 2xx, and in words what the replica said, for the log of a
   * wait and the reason a replica was judged unhealthy.
   */
  public record Answer(boolean healthy, String said) {}

  /** True when something accepts connections on {@code 127.0.0.1:<port>}. */
  public boolean listens(int port) {
    try (var socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Asks {@code http://127.0.0.1:<port><path>}; healthy when it answers 2xx. */
  public Answer ask(int port, String path) {
    String normalized = path.startsWith("/") ? path : "/" + path;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + normalized))
        .timeout(ANSWER_WITHIN)
        .GET()
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return new Answer(status >= 200 && status < 300, "answered " + status);
    } catch (ConnectException refused) {
      return new Answer(false, "refused the connection");
    } catch (HttpTimeoutException slow) {
      return new Answer(false, "did not answer within " + ANSWER_WITHIN.toSeconds() + " s");
    } catch (IOException e) {
      return new Answer(false, "failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(false, "was not asked: interrupted");
    }
  }
}
