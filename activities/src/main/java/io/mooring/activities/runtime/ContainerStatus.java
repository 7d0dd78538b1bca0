package io.mooring.activities.runtime;

import java.util.Map;

/** A container as the engine reports it now. exitCode is meaningful once it is no longer running. */
public record ContainerStatus(String name, boolean running, int exitCode, String error, Map<String, String> labels) {}
