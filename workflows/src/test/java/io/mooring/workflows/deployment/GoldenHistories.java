package io.mooring.workflows.deployment;

import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records workflow histories as golden files for {@link ReplayTest}, when the build is asked to
 * ({@code ./mvnw test -Dmooring.record-histories=true}). Done once per deliberate change of
 * workflow code; otherwise the committed files are the specification the code must replay.
 */
public final class GoldenHistories {

  public static final String FOLDER = "histories";

  private GoldenHistories() {}

  public static void record(TestWorkflowEnvironment env, String name, String workflowId) {
    if (!Boolean.getBoolean("mooring.record-histories")) {
      return;
    }
    Path file = Path.of("src", "test", "resources", FOLDER, name + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, env.getWorkflowClient().fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
