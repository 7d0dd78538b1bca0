package io.mooring.activities.runtime;

import io.mooring.activities.services.RuntimeKind;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Mooring drives the container engine.
 *
 * @param dockerHost the engine's endpoint, {@code unix:///var/run/docker.sock} by default
 * @param healthTimeout how long a new replica may take to answer its health path
 * @param readyAfter for services without a health path: how long a replica must keep running
 * @param stopTimeout how long a container gets to stop before it is killed
 * @param quickHealthWindow how long starting a replica watches it before handing over to a
 *     separate, heartbeating wait
 * @param publishAddress the host address that ports of bridged services are published on; every
 *     address when blank, as {@code docker run -p} does
 * @param mode the runtime services created from now on run on: {@code engine} (the default) or
 *     {@code swarm}, where {@code dockerHost} names a Swarm manager; a service keeps the runtime it
 *     was created on
 */
@ConfigurationProperties("mooring.runtime")
public record RuntimeSettings(
    String dockerHost, Duration healthTimeout, Duration readyAfter, Duration stopTimeout, Duration quickHealthWindow,
    String publishAddress, RuntimeKind mode) {

  public RuntimeSettings {
    dockerHost = dockerHost == null || dockerHost.isBlank() ? "unix:///var/run/docker.sock" : dockerHost;
    healthTimeout = healthTimeout == null ? Duration.ofSeconds(60) : healthTimeout;
    readyAfter = readyAfter == null ? Duration.ofSeconds(2) : readyAfter;
    stopTimeout = stopTimeout == null ? Duration.ofSeconds(5) : stopTimeout;
    quickHealthWindow = quickHealthWindow == null ? Duration.ofSeconds(2) : quickHealthWindow;
    publishAddress = publishAddress == null ? "" : publishAddress.strip();
    mode = mode == null ? RuntimeKind.ENGINE : mode;
  }
}
