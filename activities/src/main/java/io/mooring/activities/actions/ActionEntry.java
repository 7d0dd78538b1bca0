package io.mooring.activities.actions;

import java.util.UUID;

/**
 * An action as its readers see it: the record, the service it acts on by uuid, and whether it can
 * still be cancelled.
 *
 * @param cancelable a deployment (a Harmony one, or a redeploy) that has not ended: cancelling
 *     it takes it out of the gate's line or rolls it back. Start, stop, scale and terminate run to
 *     their end, as Tutum's did.
 */
public record ActionEntry(ActionRecord action, UUID serviceUuid, boolean cancelable) {}
