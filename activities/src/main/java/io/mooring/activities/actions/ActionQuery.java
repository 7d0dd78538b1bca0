package io.mooring.activities.actions;

import java.time.Instant;
import java.util.UUID;

/**
 * Tutum's action list filters, each null when not given, and a page.
 *
 * @param service the uuid of the service the actions act on (Tutum's {@code object})
 */
public record ActionQuery(
    ActionState state,
    UUID service,
    Instant startedFrom,
    Instant startedTo,
    Instant endedFrom,
    Instant endedTo,
    int limit,
    int offset) {}
