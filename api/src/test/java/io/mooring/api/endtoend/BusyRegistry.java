package io.mooring.api.endtoend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback in front of a registry that counts what it is asked and, when told to,
 * answers every request {@code 429 Too Many Requests} with a {@code Retry-After}, as Docker Hub does
 * to callers over their rate.
 */
final class BusyRegistry implements AutoCloseable {

  private final HttpServer server;
  private final HttpClient upstream = HttpClient.newHttpClient();
  private final String registry;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile int retryAfterSeconds;

  BusyRegistry(String registry) {
    this.registry = registry;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on every request is refused with this {@code Retry-After}; 0 lets them through again. */
  void busy(int retryAfter) {
    refused.set(0);
    this.retryAfterSeconds = retryAfter;
  }

  int requests() {
    return requests.get();
  }

  /** Requests refused since the last {@link #busy}. */
  int refused() {
    return refused.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      int wait = retryAfterSeconds;
      if (wait > 0) {
        refused.incrementAndGet();
        exchange.getResponseHeaders().add("Retry-After", Integer.toString(wait));
        exchange.sendResponseHeaders(429, -1);
        return;
      }
      HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://" + registry + exchange.getRequestURI()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      if (accept != null) {
        forward.header("Accept", accept);
      }
      HttpResponse<byte[]> answer = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      answer.headers().map().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
            && !name.startsWith(":")) {
          values.forEach(value -> exchange.getResponseHeaders().add(name, value));
        }
      });
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(answer.statusCode(), head || answer.body().length == 0 ? -1 : answer.body().length);
      if (!head) {
        exchange.getResponseBody().write(answer.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
