package io.mooring.activities.registry;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** Reads registries' tag lists into the tag cache. */
@ActivityInterface(namePrefix = "TagPoll")
public interface TagPollActivities {

  /**
   * Reads every repository that is due (at most {@code limit}), side by side: first the
   * repositories of services not yet watched are added. A registry that asks to slow down is left
   * alone for as long as it asks.
   */
  PollReport pollDue(PollDue request);

  record PollDue(int limit) {}

  /**
   * @param more as many repositories were due as the limit: more may be due
   * @param nextDueAt when the next repository is due; null when none is watched
   */
  record PollReport(int polled, int changed, int failed, boolean more, Instant nextDueAt) {}

  /** How reading one repository went; {@code message} says why when it failed. */
  record PollResult(Outcome outcome, String message) {}

  enum Outcome {
    /** Listed, and something changed since the last read. */
    CHANGED,
    UNCHANGED,
    /** The registry has no such repository, or does not let Mooring read it. */
    MISSING,
    /** The registry did not answer, or asked to slow down. */
    UNAVAILABLE
  }
}
