package io.mooring.activities.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts one notification, signed as GitHub signs its webhooks: {@code X-Mooring-Signature-256:
 * sha256=<hex HMAC-SHA256 of the body>}, so receivers reuse the check they already have.
 */
@Component
public class WebhookSender {

  /** A receiver gets this long to answer; a slow one delays only its own delivery. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final NotificationSettings settings;

  public WebhookSender(NotificationSettings settings) {
    this.settings = settings;
  }

  /** Empty when the receiver took it (2xx); else why not. */
  public Optional<String> send(Notification notification) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(notification.url()))
          .timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .header("User-Agent", "Mooring")
          .header("X-Mooring-Event", notification.event())
          .header("X-Mooring-Delivery", notification.eventKey())
          .POST(HttpRequest.BodyPublishers.ofString(notification.body(), StandardCharsets.UTF_8));
      if (!settings.secret().isEmpty()) {
        request.header("X-Mooring-Signature-256", "sha256=" + signature(notification.body()));
      }
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? Optional.empty() : Optional.of("the receiver answered HTTP " + status);
    } catch (IOException e) {
      return Optional.of("the receiver did not answer: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } catch (IllegalArgumentException e) {
      return Optional.of("not a URL Mooring can post to");
    }
  }

  String signature(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
