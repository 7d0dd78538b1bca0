package io.mooring.api.common.errors;

import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The sentences Mooring answers with when a request is wrong as HTTP, before any endpoint looks at
 * it: malformed, too large, of a method or form no endpoint takes, or not Mooring's at all. Every
 * endpoint inherits them, so they live in one place.
 */
public final class HttpProblems {
  private HttpProblems() {}

  public static ApiProblem csrfTokenMissing() {
    return new ApiProblem(HttpStatus.FORBIDDEN, "csrf-token-invalid",
        "This change comes with the dashboard's session cookie but without its CSRF token (header 'X-CSRF-TOKEN'):"
            + " reload the page, or send 'Authorization: Bearer <token>' instead of the cookie");
  }

  public static ApiProblem malformedQuery() {
    return ApiProblem.badRequest("malformed-query",
        "The query string is not valid: a percent-escape or the UTF-8 it encodes is malformed, or it encodes a"
            + " control character");
  }

  public static ApiProblem unsupportedContentType(String contentType) {
    return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
        "Content-Type '" + abbreviate(contentType, 100) + "' is not supported; send 'application/json'");
  }

  public static ApiProblem bodyTooLarge(long limitBytes) {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
        "The request body is larger than " + limitBytes / 1024 + " KB, the most Mooring accepts");
  }

  public static ApiProblem malformedBody() {
    return ApiProblem.badRequest("malformed-body", "The request body is not valid JSON");
  }

  public static ApiProblem duplicateKey(String key) {
    return ApiProblem.badRequest("duplicate-key",
        "The request body gives '" + abbreviate(key, 100) + "' more than once; each key may appear once");
  }

  public static ApiProblem unknownParameters(Collection<String> unknown, List<String> allowed) {
    return ApiProblem.badRequest("unknown-parameter", "Unknown body parameter(s): " + someOf(unknown)
        + ". Only '" + String.join("' and '", allowed) + "' are allowed.");
  }

  public static ApiProblem pathNotNormalised() {
    return ApiProblem.badRequest("path-not-normalised",
        "The request path is not in normal form: it may not contain '..', '//', '/./', ';', an encoded '/', ';' or '%',"
            + " or control characters");
  }

  public static ApiProblem requestRejected() {
    return ApiProblem.badRequest("request-rejected",
        "The request is not valid HTTP for Mooring: a header or the path contains characters it does not accept");
  }

  public static ApiProblem methodNotAllowed(String method, String allowed) {
    return new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
        "Method '" + abbreviate(method, 30) + "' is not supported here; this path takes " + allowed);
  }

  /** The same, where the method is no longer known (the container refused it and forwarded). */
  public static ApiProblem methodNotAllowed(String allowed) {
    return new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
        "This method is not supported here; this path takes " + allowed);
  }

  public static ApiProblem noSuchResource(String path) {
    return ApiProblem.notFound("not-found", "There is nothing at '" + abbreviate(path, 200) + "'");
  }

  public static ApiProblem unexpected() {
    return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
        "Mooring failed unexpectedly; the failure is logged.");
  }

  public static ApiProblem databaseUnavailable() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
        "The database is unavailable right now; nothing was changed. Try again shortly.");
  }

  public static ApiProblem temporalUnavailable() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "temporal-unavailable",
        "The Temporal service is unavailable right now; nothing was started. Try again shortly.");
  }

  /** The container engine did not answer; {@code detail} names where it was asked. */
  public static ApiProblem engineUnavailable(String detail) {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "engine-unavailable",
        detail + ". Mooring reads the state of containers from the engine; try again once it answers.");
  }

  public static ApiProblem identityProviderUnavailable() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
        "The identity provider's signing keys cannot be fetched right now, so the JWT cannot be checked;"
            + " nothing was changed. Try again shortly.");
  }

  /** What the servlet container says when it refuses a request before Mooring sees it. */
  public static ApiProblem refusedByServer(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    String detail = switch (status) {
      case 400 -> "The request is not valid HTTP: its request line, a header, the URL's escapes or Content-Length"
          + " could not be read";
      case 408 -> "The request took too long to arrive";
      case 413 -> "The request is too large";
      case 414 -> "The URL is longer than Mooring accepts";
      case 431 -> "The request's headers are larger than Mooring accepts";
      case 501 -> "The request's method is not implemented";
      case 505 -> "The HTTP version is not supported";
      default -> known == null ? "The request could not be handled" : known.getReasonPhrase();
    };
    return new ApiProblem(known == null ? HttpStatus.BAD_REQUEST : known, ProblemWriter.codeFor(status), detail);
  }

  /** Names a few of {@code names}, and how many more there are, so an answer never echoes a flood. */
  static String someOf(Collection<String> names) {
    int shown = 3;
    StringBuilder text = new StringBuilder();
    names.stream().limit(shown).forEach(name -> text.append(text.isEmpty() ? "" : ", ")
        .append('\'').append(abbreviate(name, 64)).append('\''));
    if (names.size() > shown) {
      text.append(" and ").append(names.size() - shown).append(" more");
    }
    return text.toString();
  }

  /** At most {@code max} characters of {@code text}, with control characters shown as '?'. */
  public static String abbreviate(String text, int max) {
    String printable = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= max ? printable : printable.substring(0, max) + "…";
  }
}
