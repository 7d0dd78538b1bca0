package io.mooring.activities.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry on 127.0.0.1 that speaks just enough of the distribution API to test the client:
 * manifests by tag, and one of three ways to let a reader in.
 */
final class LocalRegistry implements AutoCloseable {

  enum Auth { ANONYMOUS, BASIC, BEARER }

  static final String USER = "reader";
  static final String PASSWORD = "s3cret-for-tests";
  private static final String TOKEN = "token-for-tests";

  private final HttpServer server;
  private final Auth auth;
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  volatile String lastAcceptHeader;

  LocalRegistry(Auth auth) throws IOException {
    this.auth = auth;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/", this::manifest);
    server.createContext("/token", this::token);
    server.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  LocalRegistry with(String path, String tag, String digest) {
    digests.put(path + ":" + tag, digest);
    return this;
  }

  private void manifest(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (!admitted(authorization)) {
      exchange.getResponseHeaders().add("WWW-Authenticate", switch (auth) {
        case BASIC -> "Basic realm=\"tests\"";
        case BEARER -> "Bearer realm=\"http://" + host() + "/token\",service=\"tests\"";
        case ANONYMOUS -> throw new IllegalStateException();
      });
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    lastAcceptHeader = exchange.getRequestHeaders().getFirst("Accept");
    String path = exchange.getRequestURI().getPath();
    int at = path.indexOf("/manifests/");
    String key = path.substring("/v2/".length(), at) + ":" + path.substring(at + "/manifests/".length());
    String digest = digests.get(key);
    if (digest == null) {
      exchange.sendResponseHeaders(404, -1);
    } else {
      exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
      exchange.sendResponseHeaders(200, -1);
    }
    exchange.close();
  }

  private boolean admitted(String authorization) {
    return switch (auth) {
      case ANONYMOUS -> true;
      case BASIC -> basic().equals(authorization);
      case BEARER -> ("Bearer " + TOKEN).equals(authorization);
    };
  }

  private void token(HttpExchange exchange) throws IOException {
    boolean scoped = exchange.getRequestURI().getRawQuery().contains("scope=repository%3Ademo%2Fweb%3Apull");
    if (!basic().equals(exchange.getRequestHeaders().getFirst("Authorization")) || !scoped) {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    byte[] body = ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
