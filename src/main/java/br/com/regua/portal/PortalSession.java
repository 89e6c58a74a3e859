package br.com.regua.portal;

import br.com.regua.debt.Debt;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.http.ResponseEntity;

/**
 * What the portal keeps in the server-side session, per link: the debtor whose identity was
 * confirmed, the visit's id, the message to show after a form. Never in a URL.
 */
final class PortalSession {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CONFIRMED = "portal.confirmed.";
  private static final String VISIT = "portal.visit.";
  private static final String OPENED = "portal.opened.";
  private static final String FLASH = "portal.flash";

  private PortalSession() {}

  /** The confirmed debtor's document for this link, or null. */
  static String confirmed(HttpSession session, Debt link) {
    Object document = session.getAttribute(CONFIRMED + link.paymentToken());
    return document instanceof String s && s.equals(link.debtor().document()) ? s : null;
  }

  static void confirm(HttpSession session, Debt link, String visitId) {
    session.setAttribute(CONFIRMED + link.paymentToken(), link.debtor().document());
    session.setAttribute(VISIT + link.paymentToken(), visitId);
  }

  static String visitId(HttpSession session, Debt link) {
    Object id = session.getAttribute(VISIT + link.paymentToken());
    return id == null ? "none" : id.toString();
  }

  /** True the first time the link is opened in this session (the funnel counts it once). */
  static boolean firstOpening(HttpSession session, Debt link) {
    if (session.getAttribute(OPENED + link.paymentToken()) != null) {
      return false;
    }
    session.setAttribute(OPENED + link.paymentToken(), true);
    return true;
  }

  static void flash(HttpSession session, String message) {
    session.setAttribute(FLASH, message);
  }

  static Object takeFlash(HttpSession session) {
    Object flash = session.getAttribute(FLASH);
    session.removeAttribute(FLASH);
    return flash;
  }

  /** An id for a form's action, generated with the page: a second click is the same action. */
  static String newId() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return "portal-" + HexFormat.of().formatHex(bytes);
  }

  /** Back to the link's page (after a form: no repost on reload). */
  static <T> ResponseEntity<T> redirect(String token) {
    return ResponseEntity.status(303).location(URI.create("/portal/" + token)).build();
  }
}
