package io.textback.worker.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/** One login as Spring Security holds it, from the configuration or the console's users alike: its role and, for a member, its businesses. */
final class Logins {
  static final List<String> ROLES = List.of("ADMIN", "MEMBER", "METRICS");

  private Logins() {}

  static String role(String given) {
    return given == null || given.isBlank() ? "ADMIN" : given.trim().toUpperCase(Locale.ROOT);
  }

  static UserDetails login(String username, String passwordHash, String role, Collection<String> businesses) {
    List<GrantedAuthority> granted = new ArrayList<>();
    granted.add(new SimpleGrantedAuthority("ROLE_" + role(role)));
    if (role(role).equals("MEMBER")) {
      businesses.forEach(id -> granted.add(new SimpleGrantedAuthority(BusinessAccess.AUTHORITY_PREFIX + id)));
    }
    return User.withUsername(username).password(passwordHash).authorities(granted).build();
  }
}
