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
  /** When set, every request is answered with this status and Retry-After (e.g. "429 7"). */
  volatile String busy;
  final java.util.concurrent.atomic.AtomicInteger tagPages = new java.util.concurrent.atomic.AtomicInteger();

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

  /** Tags it lists but whose manifests it no longer has (deleted behind the listing's back). */
  private final java.util.Set<String> manifestless = ConcurrentHashMap.newKeySet();

  LocalRegistry listOnly(String path, String tag) {
    manifestless.add(path + ":" + tag);
    return this;
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
    if (busy != null) {
      exchange.getResponseHeaders().add("Retry-After", busy.split(" ")[1]);
      exchange.sendResponseHeaders(Integer.parseInt(busy.split(" ")[0]), -1);
      exchange.close();
      return;
    }
    if (path.endsWith("/tags/list")) {
      tags(exchange, path.substring("/v2/".length(), path.length() - "/tags/list".length()));
      return;
    }
    int at = path.indexOf("/manifests/");
    String key = path.substring("/v2/".length(), at) + ":" + path.substring(at + "/manifests/".length());
    String digest = manifestless.contains(key) ? null : digests.get(key);
    if (digest == null) {
      exchange.sendResponseHeaders(404, -1);
    } else {
      exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
      exchange.sendResponseHeaders(200, -1);
    }
    exchange.close();
  }

  /** The distribution API's paging: {@code n} per page after {@code last}, the next page in a Link header. */
  private void tags(HttpExchange exchange, String repository) throws IOException {
    tagPages.incrementAndGet();
    java.util.List<String> all = digests.keySet().stream().filter(key -> key.startsWith(repository + ":"))
        .map(key -> key.substring(repository.length() + 1)).sorted().toList();
    if (all.isEmpty()) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    Map<String, String> query = new java.util.HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    int n = Math.min(Integer.parseInt(query.getOrDefault("n", "100")), pageSize);
    String last = query.get("last");
    java.util.List<String> after = last == null ? all : all.stream().filter(tag -> tag.compareTo(last) > 0).toList();
    java.util.List<String> page = after.subList(0, Math.min(n, after.size()));
    if (after.size() > page.size()) {
      exchange.getResponseHeaders().add("Link", "</v2/" + repository + "/tags/list?n=" + n + "&last="
          + page.get(page.size() - 1) + ">; rel=\"next\"");
    }
    byte[] body = ("{\"name\":\"" + repository + "\",\"tags\":[" + String.join(",",
        page.stream().map(tag -> "\"" + tag + "\"").toList()) + "]}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** The most tags one page holds, whatever the client asks for (Docker Hub caps it too). */
  volatile int pageSize = 100;

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
