package io.mooring.api.harmony;

import java.security.Principal;

/** Who is asking: the authenticated principal's name, or {@code anonymous} when there is none. */
final class Caller {
  private Caller() {}

  static String nameOf(Principal principal) {
    return principal == null || principal.getName() == null ? "anonymous" : principal.getName();
  }
}
