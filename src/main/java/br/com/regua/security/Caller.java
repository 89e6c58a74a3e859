package br.com.regua.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: a person signed in to the desk, or an integration with an API key.
 *
 * @param name the username, or the API client's id
 * @param person signed in with a password (the desk), not an API key
 * @param teams a person's teams; empty: every queue
 */
public record Caller(String name, boolean person, Set<Role> roles, List<String> teams) {

  /** The caller of the current request; fails outside an authenticated request. */
  public static Caller current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new IllegalStateException("no authenticated caller");
    }
    Set<Role> roles =
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> Role.valueOf(a.substring(5)))
            .collect(Collectors.toUnmodifiableSet());
    if (auth.getPrincipal() instanceof ApiKeyAuthentication.Client client) {
      return new Caller(client.id(), false, roles, List.of());
    }
    List<String> teams = auth.getPrincipal() instanceof DeskUser user ? user.teams() : List.of();
    return new Caller(auth.getName(), true, roles, teams);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }

  /** Whether a person of limited teams may see a task of these candidate groups. */
  public boolean sees(List<String> candidateGroups) {
    if (!person || teams.isEmpty() || is(Role.SUPERVISOR)) {
      return true;
    }
    return candidateGroups == null
        || candidateGroups.isEmpty()
        || candidateGroups.stream().anyMatch(teams::contains);
  }
}
