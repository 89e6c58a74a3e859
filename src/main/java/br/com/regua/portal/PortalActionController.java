package br.com.regua.portal;

import br.com.regua.consent.Channel;
import br.com.regua.debt.Debt;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.portal.PortalAudit.Action;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The debtor's forms: accept an offer, promise, contest, choose channels. Each needs the identity
 * confirmed for the link (else back to the identity page, nothing done), carries the CSRF token and
 * the id generated with the page, and ends in a redirect with a message, or the page again with the
 * refusal in Portuguese and the API's status.
 */
@Controller
@Hidden // pages for debtors, not the API: docs/portal.md
@RequestMapping("/portal/{token}")
class PortalActionController {

  private final PortalLinks links;
  private final PortalDebts debts;
  private final PortalActions actions;
  private final PortalVisits visits;
  private final PortalAudit audit;
  private final PortalPages pages;
  private final PortalHome home;

  PortalActionController(
      PortalLinks links,
      PortalDebts debts,
      PortalActions actions,
      PortalVisits visits,
      PortalAudit audit,
      PortalPages pages,
      PortalHome home) {
    this.links = links;
    this.debts = debts;
    this.actions = actions;
    this.visits = visits;
    this.audit = audit;
    this.pages = pages;
    this.home = home;
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
    String document = PortalSession.confirmed(session, link.get());
    if (document == null) {
      return PortalSession.redirect(token);
    }
    try {
      Channel channel = channel(channelName);
      if (action.equals("optin") && channel == Channel.WHATSAPP) {
        actions.optInWhatsApp(document, consent != null);
        // the consent's record: when, from which address and browser (the audit row)
        audit.record(
            link.get().paymentToken(),
            null,
            Action.WHATSAPP_OPTED_IN,
            "autorizou WhatsApp na página do portal",
            request);
        PortalSession.flash(session, "Pronto: você receberá nossas mensagens pelo WhatsApp.");
      } else {
        actions.optOut(document, channel);
        audit.record(link.get().paymentToken(), null, Action.OPTED_OUT, channel.name(), request);
        PortalSession.flash(
            session,
            "Pronto: você não receberá mais mensagens por " + PortalChannels.label(channel) + ".");
      }
    } catch (PortalActions.Refused e) {
      return home.render(e.status(), token, link.get(), document, session, csrf, e.getMessage());
    }
    return PortalSession.redirect(token);
  }

  private static Channel channel(String name) {
    try {
      return Channel.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new PortalActions.Refused(422, "Canal desconhecido.");
    }
  }

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
    String document = PortalSession.confirmed(session, link.get());
    if (document == null) {
      return PortalSession.redirect(token);
    }
    // any debt of the debtor: a repeated form (same id) of a debt closed since is the same action
    Optional<Debt> debt = debts.debtOf(document, debtId);
    if (debt.isEmpty() || !key.matches(RegisterDebtRequest.ID_PATTERN) || key.length() > 64) {
      return home.render(
          409,
          token,
          link.get(),
          document,
          session,
          csrf,
          "Esta dívida não está mais em aberto. Veja abaixo a situação atual.");
    }
    try {
      Done done = action.run(debt.get(), key);
      audit.record(link.get().paymentToken(), debtId, done.action(), done.detail(), request);
      String visitId = PortalSession.visitId(session, link.get());
      if (done.renegotiation()) {
        visits.renegotiationStarted(visitId, debtId);
      } else {
        visits.seen(visitId);
      }
      PortalSession.flash(session, done.message());
    } catch (PortalActions.Refused e) {
      return home.render(e.status(), token, link.get(), document, session, csrf, e.getMessage());
    }
    return PortalSession.redirect(token);
  }
}
