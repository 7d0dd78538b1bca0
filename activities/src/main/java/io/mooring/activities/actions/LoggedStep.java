package io.mooring.activities.actions;

import java.time.Instant;

/** One line of an operation's log with the step that wrote it (e.g. {@code replica-2.start}). */
public record LoggedStep(String step, Instant at, String line) {}
