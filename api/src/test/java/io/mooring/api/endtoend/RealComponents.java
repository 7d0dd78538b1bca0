package io.mooring.api.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Where the real components started by {@code .ci/components.sh} listen, read from the
 * environment that script prints. All on loopback.
 */
record RealComponents(
    String dockerHost,
    String registry,
    String authRegistry,
    String registryUser,
    String registryPassword,
    String temporal,
    String postgresUrl) {

  static RealComponents fromEnvironment() {
    return new RealComponents(
        required("MOORING_E2E_DOCKER_HOST"),
        required("MOORING_E2E_REGISTRY"),
        required("MOORING_E2E_AUTH_REGISTRY"),
        required("MOORING_E2E_REGISTRY_USER"),
        read(Path.of(required("MOORING_E2E_REGISTRY_PASSWORD_FILE"))),
        required("MOORING_E2E_TEMPORAL"),
        required("MOORING_E2E_PG_URL"));
  }

  /** A fresh, empty PostgreSQL database for one run, so history starts clean. */
  String freshDatabase() {
    String name = "mooring_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (var connection = DriverManager.getConnection(postgresUrl + "postgres", "mooring", "mooring");
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database on " + postgresUrl, e);
    }
    return postgresUrl + name;
  }

  private static String required(String name) {
    return required(name, "start the components with .ci/components.sh up and eval \"$(.ci/components.sh env)\"");
  }

  /** The environment variable's value; when it is not set, a failure that says {@code howToSetIt}. */
  static String required(String name, String howToSetIt) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: " + howToSetIt);
    }
    return value;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
