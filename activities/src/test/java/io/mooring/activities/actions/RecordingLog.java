package io.mooring.activities.actions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A deployment log that keeps its lines in a list, for tests that need no database. */
public final class RecordingLog extends OperationLog {

  private final List<String> lines;

  public RecordingLog(List<String> lines) {
    super(null, Clock.systemUTC());
    this.lines = lines;
  }

  @Override
  public void append(UUID deploymentId, String step, String line) {
    lines.add(line);
  }

  @Override
  public void appendAll(UUID deploymentId, List<LogStep> steps) {
    steps.forEach(step -> lines.add(step.line()));
  }
}
