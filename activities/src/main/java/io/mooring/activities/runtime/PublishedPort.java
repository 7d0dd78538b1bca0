package io.mooring.activities.runtime;

/**
 * A container port and where the host publishes it.
 *
 * @param outer the host port; null when the port is not published
 */
public record PublishedPort(int inner, Integer outer, String protocol) {}
