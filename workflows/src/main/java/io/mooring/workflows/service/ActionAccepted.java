package io.mooring.workflows.service;

import io.mooring.activities.services.ServiceState;
import java.util.UUID;

/** An action taken in: its id, and the state the service entered for it. */
public record ActionAccepted(UUID actionId, ServiceState state) {}
