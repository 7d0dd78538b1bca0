package io.mooring.api.errors;

import org.springframework.http.HttpStatus;

/**
 * A request Mooring will not carry out, with the sentence that tells the caller why. Becomes an
 * RFC 9457 problem-details answer; {@code code} is stable for programs, {@code detail} for people.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  public ApiProblem(HttpStatus status, String code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
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
