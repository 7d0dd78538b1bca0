package io.mooring.activities.actions;

/** A line of an operation's log and the step it belongs to: the step is written once, however often retried. */
public record LogStep(String step, String line) {}
