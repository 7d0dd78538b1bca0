package io.mooring.api.common.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request Mooring will not carry out, with the sentence that tells the caller why. Becomes an
 * RFC 9457 problem-details answer; {@code code} is stable for programs, {@code detail} for people.
 * It carries no stack trace: it is an answer, never logged as a failure, and a flood of bad
 * requests should cost as little as possible.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties;

  public ApiProblem(HttpStatus status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  private ApiProblem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.properties = properties;
  }

  /**
   * The same problem with one more member in its body, for a face whose clients read a field of
   * their own (registrywatcher's {@code message}).
   */
  public ApiProblem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(properties);
    more.put(name, value);
    return new ApiProblem(status, code, getMessage(), Collections.unmodifiableMap(more));
  }

  public Map<String, Object> properties() {
    return properties;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static ApiProblem badRequest(String code, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
  }

  public static ApiProblem notFound(String code, String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
  }
}
