package br.com.regua.charge;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.charge.pix.PixPayload;
import br.com.regua.charge.pix.PixProperties;
import br.com.regua.security.PortalTokens;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Puts together a debt's payment options: its boleto's digitable line, a PIX charge of the open
 * balance to the creditor's key, and the payment link. Callers pass the debt's parts, so this
 * package stays free of the debt's persistence and can be used from any feature.
 */
@Service
public class PaymentOptionsService {

  private static final int MAX_TXID = 25;

  private final PixProperties pix;
  private final PortalTokens portalTokens;

  PaymentOptionsService(PixProperties pix, PortalTokens portalTokens) {
    this.pix = pix;
    this.portalTokens = portalTokens;
    if (pix.enabled()) {
      // Fails the start, not the first reminder, when the name or city cannot be a BR Code.
      pixPayload("config", 1);
    }
  }

  /**
   * The options of an open debt.
   *
   * @param boleto the boleto registered with the debt, or null. It is offered only while its amount
   *     is the open balance (or open, 0): a registered boleto's amount is fixed, so after a partial
   *     payment it would charge too much.
   */
  public PaymentOptions of(String debtId, UUID paymentToken, long openBalanceCents, Boleto boleto) {
    boolean boletoMatches =
        boleto != null && (boleto.amountCents() == 0 || boleto.amountCents() == openBalanceCents);
    return new PaymentOptions(
        boletoMatches ? boleto.formattedDigitableLine() : null,
        pixCopyAndPaste(debtId, openBalanceCents).orElse(null),
        paymentLink(paymentToken));
  }

  /** The BR Code of the open balance, unless no PIX key is configured or nothing is owed. */
  public Optional<String> pixCopyAndPaste(String debtId, long openBalanceCents) {
    if (!pix.enabled() || openBalanceCents <= 0) {
      return Optional.empty();
    }
    return Optional.of(pixPayload(debtId, openBalanceCents).payload());
  }

  /**
   * The debtor's portal link: a signed, expiring token around the debt's opaque payment token,
   * never the debt's id nor the debtor's data.
   */
  public String paymentLink(UUID paymentToken) {
    return portalTokens.link(paymentToken);
  }

  private PixPayload pixPayload(String debtId, long amountCents) {
    return new PixPayload(
        pix.key(), null, pix.merchantName(), pix.merchantCity(), amountCents, txid(debtId));
  }

  /**
   * The debt id as a txid: its letters and digits, the last 25 when longer (an id's distinguishing
   * sequence is usually at its end: "ACME-2025-INVOICE-0001234"). The payment comes back with it,
   * so the payment gateway can tell which debt a PIX paid.
   */
  public static String txid(String debtId) {
    String alphanumeric = debtId.replaceAll("[^A-Za-z0-9]", "");
    return alphanumeric.length() <= MAX_TXID
        ? alphanumeric
        : alphanumeric.substring(alphanumeric.length() - MAX_TXID);
  }
}
