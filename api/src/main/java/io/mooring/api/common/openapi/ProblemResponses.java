package io.mooring.api.common.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses an operation answers beyond those every operation can answer (400, 401,
 * 406, 503; 403 unless {@link #forbidden()} is false; 413 and 415 with a request body). The OpenAPI
 * document lists them all, with the problem schema, so it says every status the endpoint gives.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

  /** E.g. {@code {404, 423}}. */
  int[] value() default {};

  /** Whether a caller without the operation's role gets 403 (false where any identity will do). */
  boolean forbidden() default true;

  /**
   * Whether the operation needs credentials (false for the few anyone may call, such as a health
   * check): the document then asks for no bearer token there and lists no 401.
   */
  boolean authenticated() default true;
}
