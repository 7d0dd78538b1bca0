package io.mooring.activities.runtime;

/**
 * A replica container that stopped, as the engine reported it.
 *
 * @param container the engine's name of the container
 * @param service the unique name of the service it belongs to
 * @param exitCode what its process exited with
 */
public record StoppedContainer(String container, String service, int exitCode) {}
