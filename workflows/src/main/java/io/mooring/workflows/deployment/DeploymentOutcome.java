package io.mooring.workflows.deployment;

/**
 * How a deployment ended. {@code status} is {@code successful}, {@code failed} or {@code rejected}
 * (refused at admission: nothing was stored or changed).
 */
public record DeploymentOutcome(String status, String message, boolean rolledBack) {}
