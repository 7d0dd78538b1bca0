package io.mooring.api.common.security;

import java.security.Principal;
import java.util.Locale;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: the name Mooring records, and what kind of identity it is, so a person and a
 * pipeline token of the same name are never mistaken for each other in history.
 */
public record Caller(String name, Kind kind) {

  public enum Kind {
    /** A person, by the identity provider's JWT. */
    PERSON,
    /** A pipeline, by one of Mooring's own tokens. */
    PIPELINE,
    ANONYMOUS;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Caller of(Principal principal) {
    if (principal == null || principal.getName() == null) {
      return new Caller("anonymous", Kind.ANONYMOUS);
    }
    if (principal instanceof PipelineTokenAuthentication) {
      return new Caller(principal.getName(), Kind.PIPELINE);
    }
    return new Caller(principal.getName(), principal instanceof JwtAuthenticationToken ? Kind.PERSON : Kind.ANONYMOUS);
  }

  /** The recorded name alone, where only a sentence needs it. */
  public static String nameOf(Principal principal) {
    return of(principal).name();
  }

  /** {@code token 'ci'} or {@code user 'ada'}: how log lines name who did something. */
  public String describe() {
    return (kind == Kind.PIPELINE ? "token '" : kind == Kind.PERSON ? "user '" : "'") + name + "'";
  }
}
