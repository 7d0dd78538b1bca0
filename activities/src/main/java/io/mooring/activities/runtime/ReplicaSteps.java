package io.mooring.activities.runtime;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a replica's steps are named in an operation's log ({@code replica-2.start}), so a reader of
 * the log (live progress) finds the replica a step was about where the steps are written.
 */
public final class ReplicaSteps {
  private ReplicaSteps() {}

  private static final Pattern REPLICA_STEP = Pattern.compile("^replica-(\\d+)\\.");

  /** The step {@code what} of replica {@code index}. */
  public static String of(int index, String what) {
    return "replica-" + index + "." + what;
  }

  /** The replica a logged step is about; empty for a step about no one replica. */
  public static OptionalInt replicaOf(String step) {
    Matcher matcher = REPLICA_STEP.matcher(step);
    return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
  }
}
