package br.com.regua.portal;

import br.com.regua.charge.PaymentOptions;
import br.com.regua.debt.Debt;
import br.com.regua.portal.PortalAudit.Action;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's entry under {@code /portal/<token>}: the link opened, the identity confirmed, the
 * boleto's PDF, leaving. The debtor's actions are {@link PortalActionController}'s.
 */
@Controller
@Hidden // pages for debtors, not the API: docs/portal.md
@RequestMapping("/portal/{token}")
class PortalController {

  private final PortalLinks links;
  private final PortalIdentity identity;
  private final PortalDebts debts;
  private final PortalVisits visits;
  private final PortalAudit audit;
  private final PortalPages pages;
  private final PortalHome home;
  private final BoletoPdf boletoPdf;
  private final Clock clock;

  PortalController(
      PortalLinks links,
      PortalIdentity identity,
      PortalDebts debts,
      PortalVisits visits,
      PortalAudit audit,
      PortalPages pages,
      PortalHome home,
      BoletoPdf boletoPdf,
      Clock clock) {
    this.links = links;
    this.identity = identity;
    this.debts = debts;
    this.visits = visits;
    this.audit = audit;
    this.pages = pages;
    this.home = home;
    this.boletoPdf = boletoPdf;
    this.clock = clock;
  }

  @GetMapping
  ResponseEntity<String> open(
      @PathVariable String token, HttpServletRequest request, CsrfToken csrf) {
    Optional<Debt> link = links.open(token);
    if (link.isEmpty()) {
      return pages.invalidLink();
    }
    Debt debt = link.get();
    HttpSession session = request.getSession();
    String document = PortalSession.confirmed(session, debt);
    if (document != null) {
      visits.seen(PortalSession.visitId(session, debt));
      return home.render(200, token, debt, document, session, csrf, null);
    }
    if (PortalSession.firstOpening(session, debt)) {
      audit.record(debt.paymentToken(), debt.debtId(), Action.OPENED, null, request);
    }
    if (!debts.anythingToPay(debt.debtor().document())) {
      return pages.page(200, "closed", "Nada em aberto", csrf, Map.of());
    }
    if (identity.locked(debt)) {
      return locked(csrf);
    }
    return identityPage(200, token, csrf, null);
  }

  @PostMapping("/identidade")
  ResponseEntity<String> confirm(
      @PathVariable String token,
      @RequestParam(name = "inicio", required = false) String answer,
      HttpServletRequest request,
      CsrfToken csrf) {
    Optional<Debt> link = links.open(token);
    if (link.isEmpty()) {
      return pages.invalidLink();
    }
    Debt debt = link.get();
    switch (identity.confirm(debt, answer, request.getRemoteAddr())) {
      case LOCKED -> {
        audit.record(debt.paymentToken(), debt.debtId(), Action.IDENTITY_LOCKED, null, request);
        return locked(csrf);
      }
      case REFUSED -> {
        audit.record(debt.paymentToken(), debt.debtId(), Action.IDENTITY_REFUSED, null, request);
        return identity.locked(debt)
            ? locked(csrf)
            : identityPage(
                422,
                token,
                csrf,
                "Os dados não conferem. Confira os 5 primeiros dígitos do CPF ou CNPJ e tente de"
                    + " novo.");
      }
      case CONFIRMED -> {}
    }
    request.changeSessionId(); // a confirmed session gets a new id (no session fixation)
    String visitId = PortalSession.newId();
    PortalSession.confirm(request.getSession(), debt, visitId);
    visits.start(
        visitId, debts.openDebts(debt.debtor().document()).stream().map(Debt::debtId).toList());
    audit.record(debt.paymentToken(), debt.debtId(), Action.IDENTITY_CONFIRMED, null, request);
    return PortalSession.redirect(token);
  }

  /** The second copy of the boleto of the {@code ref}-th open debt, as the page lists them. */
  @GetMapping("/boleto/{ref}")
  ResponseEntity<?> boleto(
      @PathVariable String token, @PathVariable int ref, HttpServletRequest request) {
    Optional<Debt> link = links.open(token);
    if (link.isEmpty()) {
      return pages.invalidLink();
    }
    HttpSession session = request.getSession();
    String document = PortalSession.confirmed(session, link.get());
    if (document == null) {
      return PortalSession.redirect(token);
    }
    List<Debt> open = debts.openDebts(document);
    if (ref < 0 || ref >= open.size()) {
      return pages.invalidLink();
    }
    Debt debt = open.get(ref);
    // the page offers the boleto only while it charges the open balance (PaymentOptions): after a
    // partial payment a registered boleto would charge too much, and its PDF is not served either
    PaymentOptions payment = debts.paymentOptions(debt);
    if (payment.digitableLine() == null) {
      return pages.invalidLink();
    }
    byte[] pdf =
        boletoPdf.render(debt, debt.boleto(), payment.pixCopyAndPaste(), LocalDate.now(clock));
    visits.boletoDownloaded(PortalSession.visitId(session, link.get()), debt.debtId());
    audit.record(link.get().paymentToken(), debt.debtId(), Action.BOLETO_DOWNLOADED, null, request);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("boleto-segunda-via.pdf").build().toString())
        .body(pdf);
  }

  @PostMapping("/sair")
  ResponseEntity<String> leave(@PathVariable String token, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return PortalSession.redirect(token);
  }

  private ResponseEntity<String> identityPage(
      int status, String token, CsrfToken csrf, String error) {
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("token", token);
    model.put("error", error);
    return pages.page(status, "identity", "Confirme sua identidade", csrf, model);
  }

  private ResponseEntity<String> locked(CsrfToken csrf) {
    return pages.page(429, "locked", "Muitas tentativas", csrf, Map.of());
  }
}
