package io.mooring.api.common.errors;

import java.io.IOException;

/** Thrown by a request body that grows past the limit while it is read; answered with 413. */
public class BodyTooLargeException extends IOException {

  private final long limitBytes;

  public BodyTooLargeException(long limitBytes) {
    super("The request body is larger than " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
