package io.mooring.activities.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;

/** A docker-java client of the engine API at {@code host}, as every Docker adapter connects. */
public final class DockerClients {
  private DockerClients() {}

  public static DockerClient connect(String host) {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
    var http = new ApacheDockerHttpClient.Builder()
        .dockerHost(URI.create(host))
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofMinutes(5))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
