package br.com.regua.charge;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.charge.pix.PixPayload;
import br.com.regua.charge.pix.PixProperties;
import br.com.regua.charge.pix.PspCharges;
import br.com.regua.charge.pix.Txid;
import br.com.regua.security.PortalTokens;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Puts together a debt's payment options: its boleto's digitable line, a PIX charge of the open
 * balance to the creditor's key, and the payment link. Callers pass the debt's parts, so this
 * package stays free of the debt's persistence and can be used from any feature.
 */
@Service
public class PaymentOptionsService {

  private final PixProperties pix;
  private final ObjectProvider<PspCharges> pspCharges;
  private final PortalTokens portalTokens;

  PaymentOptionsService(
      PixProperties pix, ObjectProvider<PspCharges> pspCharges, PortalTokens portalTokens) {
    this.pix = pix;
    this.pspCharges = pspCharges;
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

  /**
   * The Pix of the open balance, unless no PIX key is configured or nothing is owed: the PSP's
   * copy-and-paste of the debt's cobv when it charges the balance (a PSP configured, the cobv
   * created or updated), else the static BR Code built here.
   */
  public Optional<String> pixCopyAndPaste(String debtId, long openBalanceCents) {
    if (!pix.enabled() || openBalanceCents <= 0) {
      return Optional.empty();
    }
    PspCharges psp = pspCharges.getIfAvailable();
    Optional<String> charged =
        psp == null ? Optional.empty() : psp.copyAndPaste(debtId, openBalanceCents);
    return Optional.of(charged.orElseGet(() -> pixPayload(debtId, openBalanceCents).payload()));
  }

  /**
   * The static BR Code that pays {@code cents} of an agreement (the installment due): its reference
   * names the agreement ({@link Txid#forAgreement}), so the PSP's notification pays the agreement's
   * installments in order. Empty without a PIX key or with nothing to pay.
   */
  public Optional<String> agreementPix(String agreementId, long cents) {
    if (!pix.enabled() || cents <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PixPayload(
                pix.key(),
                null,
                pix.merchantName(),
                pix.merchantCity(),
                cents,
                Txid.forAgreement(agreementId).substring(0, Txid.STATIC_LENGTH))
            .payload());
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
   * The reference a static BR Code of the debt carries: the first 25 characters of its txid ({@link
   * Txid}), which the PSP's notification of the payment brings back, so the payment names its debt.
   */
  public static String txid(String debtId) {
    return Txid.staticReference(debtId);
  }
}
