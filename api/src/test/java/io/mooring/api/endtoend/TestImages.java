package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes the test images .ci/test-images.sh built into repositories of a test's own, with the run's
 * Docker Engine and CLI, so a test can publish a new version while Mooring watches.
 */
final class TestImages {
  private TestImages() {}

  /**
   * @param builtTag a tag of {@code mooring-demo/web} (1.0.0, 1.1.0, 2.0.0-broken, …)
   * @param nameAndTag where it goes in the anonymous registry, under {@code demo/}
   * @param scratch a folder for the CLI's configuration
   */
  static void push(RealComponents real, String builtTag, String nameAndTag, Path scratch)
      throws IOException, InterruptedException {
    String target = real.registry() + "/demo/" + nameAndTag;
    docker(real, scratch, "tag", "mooring-demo/web:" + builtTag, target);
    docker(real, scratch, "push", "-q", target);
  }

  /**
   * Publishes {@code mooring-demo/web:1.0.0}'s manifest under many tags of one repository with the
   * registry's own API (its blobs mounted from demo/web, then a manifest PUT per tag): thousands of
   * tags in seconds, where a push each would take minutes.
   */
  static void tagMany(RealComponents real, String name, List<String> tags) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://" + real.registry() + "/v2/";
    HttpResponse<byte[]> manifest = http.send(HttpRequest.newBuilder(URI.create(base + "demo/web/manifests/1.0.0"))
        .header("Accept", MANIFEST).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(manifest.statusCode()).isEqualTo(200);
    JsonNode parsed = JsonMapper.builder().build().readTree(manifest.body());
    List<String> blobs = new ArrayList<>(List.of(parsed.get("config").get("digest").asString()));
    parsed.get("layers").forEach(layer -> blobs.add(layer.get("digest").asString()));
    for (String blob : blobs) {
      http.send(HttpRequest.newBuilder(URI.create(base + name + "/blobs/uploads/?mount=" + blob + "&from=demo/web"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
    for (String tag : tags) {
      HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(base + name + "/manifests/" + tag))
          .header("Content-Type", MANIFEST).PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body())).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(put.statusCode()).as("PUT " + name + ":" + tag).isEqualTo(201);
    }
  }

  private static final String MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  private static void docker(RealComponents real, Path scratch, String... arguments)
      throws IOException, InterruptedException {
    Path config = Files.createDirectories(scratch.resolve("docker-config"));
    List<String> command = new ArrayList<>(List.of("docker", "-H", real.dockerHost()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DOCKER_CONFIG", config.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
  }
}
