package br.com.regua.portal;

import br.com.regua.debt.Debt;
import com.samskivert.mustache.Mustache;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** The page of a debtor whose identity is confirmed: debts, agreements, channels, a message. */
@Component
class PortalHome {

  private final PortalDebts debts;
  private final PortalChannels channels;
  private final PortalPages pages;

  PortalHome(PortalDebts debts, PortalChannels channels, PortalPages pages) {
    this.debts = debts;
    this.channels = channels;
    this.pages = pages;
  }

  /** The page, with {@code error} (a refused action) or the message a redirect left. */
  ResponseEntity<String> render(
      int status,
      String token,
      Debt link,
      String document,
      HttpSession session,
      CsrfToken csrf,
      String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("token", token);
    model.put("name", link.debtor().name());
    model.put("debts", debts.cards(document));
    List<PortalDebts.AgreementLine> agreements = debts.agreements(document);
    model.put("agreements", agreements);
    model.put("hasAgreements", !agreements.isEmpty());
    model.put("channels", channels.of(document));
    model.put("error", error);
    if (error == null) {
      model.put("flash", PortalSession.takeFlash(session));
    }
    model.put("newKey", (Mustache.Lambda) (frag, out) -> out.write(PortalSession.newId()));
    return pages.page(status, "home", "Suas pendências", csrf, model);
  }
}
