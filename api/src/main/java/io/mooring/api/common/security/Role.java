package io.mooring.api.common.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Harmony's two kinds of privilege, and a reader's: an admin may do everything a deployer may; a
 * reader (a token given to the containers of a service with Tutum's {@code global} role) only
 * reads what any identity may read.
 */
public enum Role {
  READER,
  DEPLOYER,
  ADMIN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The authorities this role grants, its own and those it implies. */
  public List<GrantedAuthority> authorities() {
    return switch (this) {
      case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_DEPLOYER"));
      case DEPLOYER -> List.of(new SimpleGrantedAuthority("ROLE_DEPLOYER"));
      case READER -> List.of(new SimpleGrantedAuthority("ROLE_READER"));
    };
  }

  /** True when the authenticated caller holds this role. */
  public boolean heldBy(org.springframework.security.core.Authentication caller) {
    String authority = "ROLE_" + name();
    return caller != null && caller.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }

  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.label().equals(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
