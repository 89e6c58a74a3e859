package br.com.regua.security;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The pages people meet around the desk, in the portal's look ({@code /portal-assets/portal.css}):
 * the sign-in and the refusal of a page their role may not open. Mustache templates of {@code
 * classpath:pages/}, HTML-escaped, never cached.
 */
@Component
public class StaffPages {

  private final Mustache.Compiler compiler =
      Mustache.compiler().defaultValue("").withLoader(name -> reader(name));
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  ResponseEntity<String> page(int status, String name, String title, Map<String, Object> model) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(html(name, title, model));
  }

  /** The one refusal page (403) for a page the caller's role may not open. */
  void writeRefusal(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(html("refused", "Acesso não permitido", Map.of()));
  }

  static Map<String, Object> csrf(CsrfToken token) {
    return token == null
        ? Map.of()
        : Map.of("csrfParameter", token.getParameterName(), "csrfToken", token.getToken());
  }

  private String html(String name, String title, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("title", title);
    return templates.computeIfAbsent(name, this::compile).execute(all);
  }

  private Template compile(String name) {
    try (Reader reader = reader(name)) {
      return compiler.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(String name) {
    try {
      return new InputStreamReader(
          new ClassPathResource("pages/" + name + ".mustache").getInputStream(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
