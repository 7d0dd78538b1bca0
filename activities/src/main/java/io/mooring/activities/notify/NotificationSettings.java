package io.mooring.activities.notify;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the registry watcher's webhooks go.
 *
 * @param webhooks receivers' URLs; none means no notifications are kept or sent
 * @param secret the HMAC-SHA256 key each body is signed with ({@code X-Mooring-Signature-256});
 *     configuration only (an environment variable in practice), never stored or logged
 */
@ConfigurationProperties("mooring.notifications")
public record NotificationSettings(List<String> webhooks, String secret) {

  public NotificationSettings {
    webhooks = webhooks == null ? List.of() : webhooks.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
    secret = secret == null ? "" : secret;
  }

  public boolean enabled() {
    return !webhooks.isEmpty();
  }
}
