package io.mooring.activities.actions;

import java.time.Instant;
import java.util.UUID;

/**
 * One operation on a service (Tutum's Action): what was asked, by whom and from where, and how it
 * went. Its log is the operation log under the same id.
 *
 * @param service the unique name of the service it acts on
 * @param action what it does, in Tutum's words ({@code Service Start}, …)
 */
public record ActionRecord(
    UUID id,
    String service,
    String action,
    ActionOrigin origin,
    ActionState state,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt) {}
