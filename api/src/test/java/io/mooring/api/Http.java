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

  public Http(String root) {
    this.root = root;
  }

  public String root() {
    return root;
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

  public Reply send(HttpRequest.Builder request) {
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
