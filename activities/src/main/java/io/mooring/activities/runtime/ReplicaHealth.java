package io.mooring.activities.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a replica on the loopback interface whether it is ready. */
public class ReplicaHealth {

  // Short: the wait that asks also heartbeats between questions, and must not go quiet for long.
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** True when something accepts connections on {@code 127.0.0.1:<port>}. */
  public boolean listens(int port) {
    try (var socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when {@code http://127.0.0.1:<port><path>} answers 2xx. */
  public boolean answers(int port, String path) {
    String normalized = path.startsWith("/") ? path : "/" + path;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + normalized))
        .timeout(Duration.ofSeconds(2))
        .GET()
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
