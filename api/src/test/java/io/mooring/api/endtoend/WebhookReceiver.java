package io.mooring.api.endtoend;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A webhook receiver on 127.0.0.1 that keeps every notification whose signature checks out. */
final class WebhookReceiver {

  static final String SECRET = "e2e-webhook-secret";

  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<String> forged = new CopyOnWriteArrayList<>();
  private final JsonMapper json = JsonMapper.builder().build();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String signature = exchange.getRequestHeaders().getFirst("X-Mooring-Signature-256");
      if (("sha256=" + hmac(body)).equals(signature)) {
        received.add(json.readTree(body));
      } else {
        forged.add(body);
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** Notifications of this event about this service, in the order they came. */
  List<JsonNode> about(String event, String service) {
    return received.stream().filter(n -> n.path("event").asString().equals(event)
        && n.path("service").asString().equals(service)).toList();
  }

  List<String> forged() {
    return forged;
  }

  private static String hmac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
