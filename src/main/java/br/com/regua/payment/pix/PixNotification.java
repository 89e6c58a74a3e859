package br.com.regua.payment.pix;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.money.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Pix of a PSP's notification ({@code WebhookPixBody} of the API Pix 2.9.0: {@code {"pix":
 * [Pix, …]}}), as far as reconciliation needs it; the whole object is kept as it came.
 *
 * @param txid null when the payer paid the key with no charge (no txid)
 */
record PixNotification(
    String endToEndId, String txid, long cents, long chargesCents, Instant paidAt, JsonNode body) {

  /**
   * The Pix of a notification's body, checked against the API Pix's schema where reconciliation
   * depends on it; a bad field is a 400 naming it ({@code pix[1].valor}).
   */
  static List<PixNotification> parse(JsonNode body) {
    if (body == null || !body.isObject() || !body.path("pix").isArray()) {
      throw new InvalidFieldException("pix", "an array of Pix is required");
    }
    List<PixNotification> all = new ArrayList<>();
    JsonNode items = body.get("pix");
    for (int i = 0; i < items.size(); i++) {
      JsonNode pix = items.get(i);
      String at = "pix[" + i + "].";
      if (!pix.isObject()) {
        throw new InvalidFieldException("pix[" + i + "]", "a Pix object is required");
      }
      String endToEndId = text(pix, "endToEndId", at);
      if (endToEndId == null || !endToEndId.matches("[a-zA-Z0-9]{32}")) {
        throw new InvalidFieldException(at + "endToEndId", "32 letters and digits are required");
      }
      String txid = text(pix, "txid", at);
      if (txid != null && !txid.matches("[a-zA-Z0-9]{1,35}")) {
        throw new InvalidFieldException(at + "txid", "1 to 35 letters and digits");
      }
      String valor = text(pix, "valor", at);
      if (valor == null || !valor.matches("\\d{1,10}\\.\\d{2}")) {
        throw new InvalidFieldException(at + "valor", "an amount like 123.45 is required");
      }
      long cents = Money.parseCents(valor);
      if (cents <= 0) {
        throw new InvalidFieldException(at + "valor", "must be more than 0.00");
      }
      String horario = text(pix, "horario", at);
      Instant paidAt;
      try {
        paidAt = OffsetDateTime.parse(horario == null ? "" : horario).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException(
            at + "horario", "an RFC 3339 date-time is required, e.g. 2020-09-09T20:15:00.358Z");
      }
      all.add(new PixNotification(endToEndId, txid, cents, charges(pix, at), paidAt, pix));
    }
    return all;
  }

  /** A cobv's interest and fine for paying late ({@code componentesValor.juros}, {@code multa}). */
  static long charges(JsonNode pix, String at) {
    long cents = 0;
    for (String part : new String[] {"juros", "multa"}) {
      JsonNode valor = pix.path("componentesValor").path(part).path("valor");
      if (valor.isMissingNode()) {
        continue;
      }
      if (!valor.isTextual() || !valor.asText().matches("\\d{1,10}\\.\\d{2}")) {
        throw new InvalidFieldException(
            at + "componentesValor." + part + ".valor", "an amount like 12.34 is required");
      }
      cents += Money.parseCents(valor.asText());
    }
    return cents;
  }

  private static String text(JsonNode pix, String field, String at) {
    JsonNode value = pix.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidFieldException(at + field, "must be a string");
    }
    return value.asText();
  }
}
