package br.com.regua.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is, and for a signed-in person the CSRF token their
 * state-changing calls send back in its header (the desk reads it once at start).
 */
@RestController
class MeController {

  record Me(String name, boolean person, Set<Role> roles, List<String> teams, Csrf csrf) {}

  record Csrf(String headerName, String token) {}

  @GetMapping("/api/me")
  Me me(CsrfToken csrf) {
    Caller caller = Caller.current();
    return new Me(
        caller.name(),
        caller.person(),
        caller.roles(),
        caller.teams(),
        caller.person() && csrf != null ? new Csrf(csrf.getHeaderName(), csrf.getToken()) : null);
  }
}
