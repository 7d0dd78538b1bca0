package io.mooring.api.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns a validated JWT into Mooring's roles, read from the configured groups claim. */
class GroupRoles implements Converter<Jwt, JwtAuthenticationToken> {

  private final SecuritySettings settings;

  GroupRoles(SecuritySettings settings) {
    this.settings = settings;
  }

  @Override
  public JwtAuthenticationToken convert(Jwt jwt) {
    Collection<String> groups = groupsOf(jwt);
    Set<GrantedAuthority> authorities = new LinkedHashSet<>();
    if (groups.stream().anyMatch(settings.adminGroups()::contains)) {
      authorities.addAll(Role.ADMIN.authorities());
    }
    if (groups.stream().anyMatch(settings.deployerGroups()::contains)) {
      authorities.addAll(Role.DEPLOYER.authorities());
    }
    String name = jwt.getClaimAsString(settings.usernameClaim());
    return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
  }

  /** Group claims come as a list or, from some identity providers, as one space-separated string. */
  private Collection<String> groupsOf(Jwt jwt) {
    Object claim = jwt.getClaims().get(settings.groupsClaim());
    List<String> groups = new ArrayList<>();
    if (claim instanceof Collection<?> values) {
      values.forEach(v -> groups.add(String.valueOf(v)));
    } else if (claim instanceof String text) {
      groups.addAll(List.of(text.split(" ")));
    }
    return groups;
  }
}
