package io.mooring.api.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mooring as its own process, from the packaged jar, so that it can be killed for real
 * ({@code kill -9}) and started again on the same database and Temporal server.
 */
final class MooringProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "mooring.jar");

  private final Map<String, String> environment;
  private final Path output;
  private final int port;
  private Process process;

  MooringProcess(Map<String, String> environment, Path output, int port) {
    this.environment = environment;
    this.output = output;
    this.port = port;
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: package Mooring before this suite "
          + "(.ci/run does: ./mvnw -DskipTests package)");
    }
  }

  /**
   * Mooring in real mode on the suite's components, on a free port and a fresh database, with its
   * data directory (and services file, {@code services.yml}) in {@code data}; plus {@code more}.
   */
  static MooringProcess realMode(RealComponents real, Path data, Map<String, String> more) throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> environment = new java.util.HashMap<>(Map.of(
        "MOORING_DATA_DIR", data.toString(),
        "MOORING_SERVICES_FILE", data.resolve("services.yml").toString(),
        "MOORING_RUNTIME_DOCKER_HOST", real.dockerHost(),
        "SPRING_DATASOURCE_URL", real.freshDatabase(),
        "SPRING_DATASOURCE_USERNAME", "mooring",
        "SPRING_DATASOURCE_PASSWORD", "mooring",
        "SPRING_TEMPORAL_TEST_SERVER_ENABLED", "false",
        "SPRING_TEMPORAL_CONNECTION_TARGET", real.temporal()));
    environment.putAll(more);
    return new MooringProcess(environment, data.resolve("mooring.out"), port);
  }

  String root() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts Mooring and waits until it answers HTTP. */
  void start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    process = builder.start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Mooring exited with " + process.exitValue() + "; see " + output);
      }
      try {
        http.send(HttpRequest.newBuilder(URI.create(root() + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("Mooring did not answer within 90 s; see " + output);
  }

  /** SIGKILL: no shutdown hook, no graceful worker stop, exactly like a crash. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
