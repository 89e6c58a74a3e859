package br.com.regua.portal;

import br.com.regua.agreement.AgreementRequest;
import br.com.regua.agreement.AgreementSigning;
import br.com.regua.api.ConflictException;
import br.com.regua.api.InvalidFieldException;
import br.com.regua.api.NotFoundException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.consent.Channel;
import br.com.regua.consent.ChannelConsents;
import br.com.regua.debt.Debt;
import br.com.regua.dispute.DisputeService;
import br.com.regua.promise.PromiseService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The debtor's actions on the portal, through the services the API uses (the same checks, the same
 * events, the same idempotency by the id the page generated), with {@code PORTAL} on the timeline.
 * A refusal comes back as a {@link Refused} in Portuguese, naming the limit.
 */
@Service
public class PortalActions {

  public static final String SOURCE = "PORTAL";

  /** The action was refused: what to tell the debtor, and the HTTP status the API would answer. */
  public static class Refused extends RuntimeException {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final PromiseService promises;
  private final DisputeService disputes;
  private final AgreementSigning signing;
  private final ChannelConsents consents;
  private final Clock clock;

  PortalActions(
      PromiseService promises,
      DisputeService disputes,
      AgreementSigning signing,
      ChannelConsents consents,
      Clock clock) {
    this.promises = promises;
    this.disputes = disputes;
    this.signing = signing;
    this.consents = consents;
    this.clock = clock;
  }

  public void promise(Debt debt, String promiseId, String date) {
    LocalDate promised;
    try {
      promised = LocalDate.parse(date == null ? "" : date.strip());
    } catch (DateTimeParseException e) {
      throw new Refused(422, "Informe a data em que vai pagar.");
    }
    try {
      promises.make(debt.debtId(), promiseId, promised, SOURCE);
    } catch (RuleViolationException e) {
      LocalDate today = LocalDate.now(clock);
      if (promised.isBefore(today)) {
        throw new Refused(422, "A data prometida não pode ser anterior a hoje.");
      }
      int days = debt.strategy() == null ? 0 : debt.strategy().promiseMaxDays();
      throw new Refused(
          422,
          "A data prometida pode ser no máximo "
              + days
              + " dias a partir de hoje, ou seja, até "
              + PortalDebts.BR_DATE.format(today.plusDays(days))
              + ".");
    } catch (ConflictException e) {
      throw conflict();
    }
  }

  public void dispute(Debt debt, String disputeId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new Refused(422, "Conte o motivo da contestação.");
    }
    if (reason.length() > 1000) {
      throw new Refused(422, "O motivo pode ter no máximo 1.000 caracteres.");
    }
    try {
      disputes.open(debt.debtId(), disputeId, reason.strip(), SOURCE);
    } catch (ConflictException e) {
      throw conflict();
    }
  }

  public void acceptOffer(Debt debt, String agreementId, String offerId) {
    if (offerId == null || offerId.isBlank() || offerId.length() > 64) {
      throw new Refused(422, "Escolha uma das condições oferecidas.");
    }
    try {
      signing.sign(
          debt.debtId(),
          new AgreementRequest(agreementId, offerId, null, List.of(), null, null),
          SOURCE);
    } catch (RuleViolationException | InvalidFieldException | NotFoundException e) {
      throw new Refused(
          422,
          "Esta condição não está mais disponível (as ofertas valem até o fim do dia e mudam com"
              + " um pagamento). Veja as condições de hoje abaixo.");
    } catch (ConflictException e) {
      throw conflict();
    }
  }

  public void optOut(String document, Channel channel) {
    consents.optOut(document, channel, clock.instant());
  }

  /** The WhatsApp opt-in, with the debtor's explicit consent; refused after an opt-out. */
  public void optInWhatsApp(String document, boolean consent) {
    if (!consent) {
      throw new Refused(422, "Para receber pelo WhatsApp, marque a autorização.");
    }
    if (!consents.optIn(document, Channel.WHATSAPP, clock.instant())) {
      throw new Refused(
          409, "Você pediu antes para não receber mensagens pelo WhatsApp; esse pedido é final.");
    }
  }

  private static Refused conflict() {
    return new Refused(
        409,
        "Esta dívida não aceita essa ação agora (já há uma promessa, contestação ou acordo em"
            + " andamento). Atualize a página para ver a situação atual.");
  }
}
