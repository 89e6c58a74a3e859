package br.com.regua.portal;

import br.com.regua.consent.Channel;
import br.com.regua.debt.Debt;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.portal.PortalAudit.Action;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
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
 * The portal's pages and forms under {@code /portal/<token>}. Every form posts back with the CSRF
 * token and an id generated with the page (a second click is the same action, not another). The
 * debtor's confirmed identity lives in the server-side session, never in a URL.
 */
@Controller
@Hidden // pages for debtors, not the API: docs/portal.md
@RequestMapping("/portal/{token}")
class PortalController {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CONFIRMED = "portal.confirmed.";
  private static final String VISIT = "portal.visit.";
  private static final String FLASH = "portal.flash";

  private final PortalLinks links;
  private final PortalIdentity identity;
  private final PortalDebts debts;
  private final PortalActions actions;
  private final PortalVisits visits;
  private final PortalAudit audit;
  private final PortalPages pages;
  private final BoletoPdf boletoPdf;
  private final Clock clock;

  PortalController(
      PortalLinks links,
      PortalIdentity identity,
      PortalDebts debts,
      PortalActions actions,
      PortalVisits visits,
      PortalAudit audit,
      PortalPages pages,
      BoletoPdf boletoPdf,
      Clock clock) {
    this.links = links;
    this.identity = identity;
    this.debts = debts;
    this.actions = actions;
    this.visits = visits;
    this.audit = audit;
    this.pages = pages;
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
    String document = confirmed(session, debt);
    if (document == null) {
      if (session.getAttribute("portal.opened." + debt.paymentToken()) == null) {
        session.setAttribute("portal.opened." + debt.paymentToken(), true);
        audit.record(debt.paymentToken(), debt.debtId(), Action.OPENED, null, request);
      }
      if (debts.openDebts(debt.debtor().document()).isEmpty()) {
        return closed(csrf);
      }
      if (identity.locked(debt)) {
        return locked(csrf);
      }
      return identityPage(200, token, csrf, null);
    }
    visits.seen(visitId(session, debt));
    return home(200, token, debt, document, session, csrf, null);
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
    PortalIdentity.Result result = identity.confirm(debt, answer);
    switch (result) {
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
      default -> {}
    }
    request.changeSessionId(); // a confirmed session gets a new id (no session fixation)
    HttpSession session = request.getSession();
    String document = debt.debtor().document();
    session.setAttribute(CONFIRMED + debt.paymentToken(), document);
    String visitId = newId();
    session.setAttribute(VISIT + debt.paymentToken(), visitId);
    visits.start(visitId, debts.openDebts(document).stream().map(Debt::debtId).toList());
    audit.record(debt.paymentToken(), debt.debtId(), Action.IDENTITY_CONFIRMED, null, request);
    return redirect(token);
  }

  @GetMapping("/boleto/{ref}")
  ResponseEntity<?> boleto(
      @PathVariable String token, @PathVariable int ref, HttpServletRequest request) {
    Optional<Debt> link = links.open(token);
    if (link.isEmpty()) {
      return pages.invalidLink();
    }
    HttpSession session = request.getSession();
    String document = confirmed(session, link.get());
    if (document == null) {
      return redirect(token);
    }
    List<Debt> open = debts.openDebts(document);
    if (ref < 0 || ref >= open.size() || open.get(ref).boleto() == null) {
      return pages.invalidLink();
    }
    Debt debt = open.get(ref);
    byte[] pdf = boletoPdf.render(debt, debt.boleto(), LocalDate.now(clock));
    visits.boletoDownloaded(visitId(session, link.get()), debt.debtId());
    audit.record(link.get().paymentToken(), debt.debtId(), Action.BOLETO_DOWNLOADED, null, request);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("boleto-segunda-via.pdf").build().toString())
        .body(pdf);
  }

  @PostMapping("/acordo")
  ResponseEntity<String> agreement(
      @PathVariable String token,
      @RequestParam String debt,
      @RequestParam(name = "oferta", required = false) String offerId,
      @RequestParam(name = "chave") String key,
      HttpServletRequest request,
      CsrfToken csrf) {
    return act(
        token,
        debt,
        key,
        request,
        csrf,
        (d, id) -> {
          actions.acceptOffer(d, id, offerId);
          return new Done(
              Action.AGREEMENT_SIGNED,
              "Acordo " + id,
              true,
              "Acordo fechado! As parcelas aparecem em \"Seus acordos\".");
        });
  }

  @PostMapping("/promessa")
  ResponseEntity<String> promise(
      @PathVariable String token,
      @RequestParam String debt,
      @RequestParam(name = "data", required = false) String date,
      @RequestParam(name = "chave") String key,
      HttpServletRequest request,
      CsrfToken csrf) {
    return act(
        token,
        debt,
        key,
        request,
        csrf,
        (d, id) -> {
          actions.promise(d, id, date);
          return new Done(
              Action.PROMISE_MADE,
              "Promessa " + id + " para " + date,
              true,
              "Promessa registrada. Enquanto ela valer, não enviaremos cobranças desta dívida.");
        });
  }

  @PostMapping("/contestacao")
  ResponseEntity<String> dispute(
      @PathVariable String token,
      @RequestParam String debt,
      @RequestParam(name = "motivo", required = false) String reason,
      @RequestParam(name = "chave") String key,
      HttpServletRequest request,
      CsrfToken csrf) {
    return act(
        token,
        debt,
        key,
        request,
        csrf,
        (d, id) -> {
          actions.dispute(d, id, reason);
          return new Done(
              Action.DISPUTE_OPENED,
              "Contestação " + id,
              false,
              "Contestação registrada. A cobrança fica suspensa até a nossa análise.");
        });
  }

  @PostMapping("/canais")
  ResponseEntity<String> channels(
      @PathVariable String token,
      @RequestParam(name = "canal") String channelName,
      @RequestParam(name = "acao") String action,
      @RequestParam(name = "autorizo", required = false) String consent,
      HttpServletRequest request,
      CsrfToken csrf) {
    Optional<Debt> link = links.open(token);
    if (link.isEmpty()) {
      return pages.invalidLink();
    }
    HttpSession session = request.getSession();
    String document = confirmed(session, link.get());
    if (document == null) {
      return redirect(token);
    }
    Channel channel;
    try {
      channel = Channel.valueOf(channelName);
    } catch (IllegalArgumentException e) {
      return home(422, token, link.get(), document, session, csrf, "Canal desconhecido.");
    }
    try {
      if (action.equals("optin") && channel == Channel.WHATSAPP) {
        actions.optInWhatsApp(document, consent != null);
        audit.record(
            link.get().paymentToken(),
            null,
            Action.WHATSAPP_OPTED_IN,
            "autorizou WhatsApp na página do portal",
            request);
        session.setAttribute(FLASH, "Pronto: você receberá nossas mensagens pelo WhatsApp.");
      } else {
        actions.optOut(document, channel);
        audit.record(link.get().paymentToken(), null, Action.OPTED_OUT, channel.name(), request);
        session.setAttribute(
            FLASH,
            "Pronto: você não receberá mais mensagens por " + PortalDebts.label(channel) + ".");
      }
    } catch (PortalActions.Refused e) {
      return home(e.status(), token, link.get(), document, session, csrf, e.getMessage());
    }
    return redirect(token);
  }

  @PostMapping("/sair")
  ResponseEntity<String> leave(@PathVariable String token, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return redirect(token);
  }

  // --- the actions' common part ---

  private record Done(Action action, String detail, boolean renegotiation, String message) {}

  private interface DebtAction {
    Done run(Debt debt, String id);
  }

  private ResponseEntity<String> act(
      String token,
      String debtId,
      String key,
      HttpServletRequest request,
      CsrfToken csrf,
      DebtAction action) {
    Optional<Debt> link = links.open(token);
    if (link.isEmpty()) {
      return pages.invalidLink();
    }
    HttpSession session = request.getSession();
    String document = confirmed(session, link.get());
    if (document == null) {
      return redirect(token);
    }
    // any debt of the debtor: a repeated form (same id) of a debt closed since is the same action
    Optional<Debt> debt = debts.debtOf(document, debtId);
    if (debt.isEmpty() || key == null || !key.matches(RegisterDebtRequest.ID_PATTERN)) {
      return home(
          409,
          token,
          link.get(),
          document,
          session,
          csrf,
          "Esta dívida não está mais em aberto. Veja abaixo a situação atual.");
    }
    try {
      Done done = action.run(debt.get(), key.length() > 64 ? key.substring(0, 64) : key);
      audit.record(link.get().paymentToken(), debtId, done.action(), done.detail(), request);
      if (done.renegotiation()) {
        visits.renegotiationStarted(visitId(session, link.get()), debtId);
      } else {
        visits.seen(visitId(session, link.get()));
      }
      session.setAttribute(FLASH, done.message());
    } catch (PortalActions.Refused e) {
      return home(e.status(), token, link.get(), document, session, csrf, e.getMessage());
    }
    return redirect(token);
  }

  // --- pages ---

  private ResponseEntity<String> home(
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
    model.put("channels", debts.channels(document));
    model.put("error", error);
    if (error == null) {
      model.put("flash", session.getAttribute(FLASH));
      session.removeAttribute(FLASH);
    }
    model.put(
        "newKey", (com.samskivert.mustache.Mustache.Lambda) (frag, out) -> out.write(newId()));
    return pages.page(status, "home", "Suas pendências", csrf, model);
  }

  private ResponseEntity<String> identityPage(
      int status, String token, CsrfToken csrf, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("token", token);
    model.put("error", error);
    return pages.page(status, "identity", "Confirme sua identidade", csrf, model);
  }

  private ResponseEntity<String> locked(CsrfToken csrf) {
    return pages.page(429, "locked", "Muitas tentativas", csrf, Map.of());
  }

  private ResponseEntity<String> closed(CsrfToken csrf) {
    return pages.page(200, "closed", "Nada em aberto", csrf, Map.of());
  }

  private static <T> ResponseEntity<T> redirect(String token) {
    return ResponseEntity.status(303).location(URI.create("/portal/" + token)).build();
  }

  private static String confirmed(HttpSession session, Debt debt) {
    Object document = session.getAttribute(CONFIRMED + debt.paymentToken());
    return document instanceof String s && s.equals(debt.debtor().document()) ? s : null;
  }

  private String visitId(HttpSession session, Debt debt) {
    Object id = session.getAttribute(VISIT + debt.paymentToken());
    return id == null ? "none" : id.toString();
  }

  static String newId() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return "portal-" + HexFormat.of().formatHex(bytes);
  }
}
