package io.mooring.activities.store;

import java.time.Instant;

/** Tutum's action list filters, each null when not given, and a page. */
public record ActionQuery(
    ActionState state,
    String service,
    Instant startedFrom,
    Instant startedTo,
    Instant endedFrom,
    Instant endedTo,
    int limit,
    int offset) {}
