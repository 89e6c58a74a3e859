package br.com.regua.portal;

import br.com.regua.creditor.CreditorProperties;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
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
 * The portal's pages: Mustache templates of {@code classpath:portal/} (HTML-escaped), each with the
 * creditor's identification (CDC art. 42-A), served never cached, never indexed, with no referrer
 * (the link's token stays out of other sites' logs) and a policy that runs only the portal's own
 * script.
 */
@Component
class PortalPages {

  private final CreditorProperties creditor;
  private final Mustache.Compiler compiler;
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  PortalPages(CreditorProperties creditor) {
    this.creditor = creditor;
    this.compiler =
        Mustache.compiler()
            .defaultValue("")
            .withLoader(name -> reader("portal/" + name + ".mustache"));
  }

  ResponseEntity<String> page(
      int status, String name, String title, CsrfToken csrf, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("title", title);
    all.put("creditor", creditor);
    if (csrf != null) {
      all.put("csrfParameter", csrf.getParameterName());
      all.put("csrfToken", csrf.getToken());
    }
    String html = templates.computeIfAbsent(name, this::compile).execute(all);
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer")
        .header("X-Robots-Tag", "noindex, nofollow")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        .body(html);
  }

  /** The one answer for every link that opens nothing: unknown, forged, expired or revoked. */
  ResponseEntity<String> invalidLink() {
    return page(404, "invalid", "Link inválido ou expirado", null, Map.of());
  }

  private Template compile(String name) {
    try (Reader reader = reader("portal/" + name + ".mustache")) {
      return compiler.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(String path) {
    try {
      return new InputStreamReader(
          new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
