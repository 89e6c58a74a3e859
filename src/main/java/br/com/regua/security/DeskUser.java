package br.com.regua.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A person who signs in to the agent desk, with their teams (kept in their session). */
final class DeskUser extends User {

  private final ArrayList<String> teams;

  DeskUser(SecurityProperties.User user) {
    super(
        user.username(),
        user.password(),
        user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    this.teams = new ArrayList<>(user.teams());
  }

  List<String> teams() {
    return List.copyOf(teams);
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
