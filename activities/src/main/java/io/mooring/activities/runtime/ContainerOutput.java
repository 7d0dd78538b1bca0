package io.mooring.activities.runtime;

import java.time.Instant;

/**
 * One line a container wrote to stdout or stderr.
 *
 * @param at when the engine received it, by the engine's clock
 */
public record ContainerOutput(Instant at, String line) {}
