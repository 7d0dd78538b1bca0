package io.mooring.api.common.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits every request is held to before an endpoint sees it.
 *
 * @param maxBodySize the largest request body accepted (default 64 KB); every body Mooring takes is
 *     a small JSON document, so anything larger is a mistake or an attack
 */
@ConfigurationProperties("mooring.http")
public record HttpSettings(DataSize maxBodySize) {

  public HttpSettings {
    maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
  }
}
