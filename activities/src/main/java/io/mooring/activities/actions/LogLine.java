package io.mooring.activities.actions;

import java.time.Instant;

/** One timestamped line of a deployment log; seq orders lines and lets a reader follow on. */
public record LogLine(long seq, Instant at, String line) {}
