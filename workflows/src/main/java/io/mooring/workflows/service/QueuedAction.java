package io.mooring.workflows.service;

import io.mooring.activities.services.ServiceState;

/**
 * An action taken in and not yet carried out.
 *
 * @param takenFrom the state the service was in when it was taken in: where a failed action settles
 *     back to when no container runs
 */
public record QueuedAction(ActionRequest request, ServiceState takenFrom) {}
