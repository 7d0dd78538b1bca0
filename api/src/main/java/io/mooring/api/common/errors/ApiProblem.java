package io.mooring.api.common.errors;

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

  public ApiProblem(HttpStatus status, String code, String detail) {
    super(detail, null, false, false);
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
