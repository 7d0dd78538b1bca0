package io.mooring.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes exactly as written, for requests no well-behaved client would send (unknown methods,
 * paths that are not normalised, broken escapes, control characters, lying Content-Length), and
 * reads the answer off the wire.
 */
public final class RawHttp {

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** Sends {@code request} (CRLF line ends are added where a bare LF stands) and reads the answer. */
  public Answer send(String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(request.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return Answer.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request line and headers, with a Host, closing the connection after the answer. */
  public Answer send(String method, String target, String... headers) {
    StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\n");
    if (java.util.Arrays.stream(headers).noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
      request.append("Host: 127.0.0.1:").append(port).append('\n');
    }
    for (String header : headers) {
      request.append(header).append('\n');
    }
    return send(request.append("Connection: close\n\n").toString());
  }

  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      String[] lines = head.split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
      }
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(
          body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (at < chunked.length()) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
      return body.toString();
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }
}
