package io.mooring.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An anonymous registry on 127.0.0.1 that knows the manifests it is told about. */
public final class TestRegistry implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> digests = new ConcurrentHashMap<>();

  public TestRegistry() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v2/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.endsWith("/tags/list")) {
        listTags(exchange, path.substring("/v2/".length(), path.length() - "/tags/list".length()));
        return;
      }
      int at = path.indexOf("/manifests/");
      String digest = at < 0 ? null
          : digests.get(path.substring("/v2/".length(), at) + ":" + path.substring(at + "/manifests/".length()));
      if (digest != null) {
        exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
      }
      exchange.sendResponseHeaders(digest == null ? 404 : 200, -1);
      exchange.close();
    });
    server.start();
  }

  /** One page of every tag it knows for the repository; 404 for a repository it knows nothing of. */
  private void listTags(HttpExchange exchange, String repository) throws IOException {
    List<String> tags = digests.keySet().stream().filter(key -> key.startsWith(repository + ":"))
        .map(key -> key.substring(repository.length() + 1)).sorted().toList();
    if (tags.isEmpty()) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] body = ("{\"name\":\"" + repository + "\",\"tags\":[" + String.join(",",
        tags.stream().map(tag -> "\"" + tag + "\"").toList()) + "]}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public TestRegistry with(String path, String tag, String digest) {
    digests.put(path + ":" + tag, digest);
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
