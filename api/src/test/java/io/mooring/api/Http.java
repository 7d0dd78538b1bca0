package io.mooring.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: Mooring is exercised over the wire, as callers use it. */
public final class Http {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String root;
  private final String authorization;

  /** @param authorization the Authorization header every request sends, or null for none */
  public Http(String root, String authorization) {
    this.root = root;
    this.authorization = authorization;
  }

  public String root() {
    return root;
  }

  /** The same client, sending {@code Authorization: Bearer <token>}. */
  public Http bearer(String token) {
    return new Http(root, "Bearer " + token);
  }

  /** The same client, sending this Authorization header as it is (null for none). */
  public Http authorization(String header) {
    return new Http(root, header);
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
  }

  public Reply get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", accept).GET());
  }

  public Reply put(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(root + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply post(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(root + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply patch(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(root + path))
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).DELETE());
  }

  /** PUTs {@code body} to every path at once, one thread each, and returns the replies in order. */
  public java.util.List<Reply> putAllAtOnce(java.util.List<String> paths, String body) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(paths.size());
    try {
      var calls = paths.stream()
          .map(path -> java.util.concurrent.CompletableFuture.supplyAsync(() -> put(path, body), pool))
          .toList();
      java.util.List<Reply> replies = new java.util.ArrayList<>();
      for (var call : calls) {
        replies.add(call.get());
      }
      return replies;
    } finally {
      pool.shutdown();
    }
  }

  public Reply send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response, with its body read as JSON on demand. */
  public record Reply(HttpResponse<String> response, JsonMapper mapper) {
    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public JsonNode json() {
      return mapper.readTree(response.body());
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String detail() {
      return json().get("detail").asString();
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
