package br.com.regua.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /login}: the sign-in page, in Portuguese and in the portal's look, in place of Spring
 * Security's generated one. {@code POST /login} stays Spring Security's: it answers {@code
 * /login?error} to a wrong password and {@code /login?logout} after signing out.
 */
@Controller
class SignInPageController {

  private final StaffPages pages;

  SignInPageController(StaffPages pages) {
    this.pages = pages;
  }

  @GetMapping("/login")
  ResponseEntity<String> signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout,
      CsrfToken csrf) {
    Map<String, Object> model = new HashMap<>(StaffPages.csrf(csrf));
    model.put("error", error != null);
    model.put("loggedOut", logout != null);
    return pages.page(200, "login", "Entrar", model);
  }
}
