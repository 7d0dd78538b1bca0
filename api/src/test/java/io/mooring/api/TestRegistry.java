package io.mooring.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
