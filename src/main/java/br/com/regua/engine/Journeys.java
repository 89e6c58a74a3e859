package br.com.regua.engine;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts journeys and tells them what happened, through the Camunda client. */
@Component
public class Journeys {

  /**
   * How long the engine keeps a message no journey waits for yet: a payment that races the
   * journey's start is still correlated once the journey subscribes.
   */
  static final Duration MESSAGE_TTL = Duration.ofHours(1);

  private final CamundaClient client;
  private final MessageOutbox outbox;

  Journeys(CamundaClient client, MessageOutbox outbox) {
    this.client = client;
    this.outbox = outbox;
  }

  /**
   * What the dunning journey starts with: the inputs of the strategy decision and what the timers
   * and gateways read.
   */
  public record DunningStart(
      String debtId,
      LocalDate dueDate,
      long amountCents,
      Integer propensityScore,
      int latePaymentCount,
      String debtorType,
      String debtorState,
      long daysToDue) {}

  /** Starts a dunning journey and returns its process instance key. */
  public long start(DunningStart start) {
    return begin(start).processInstanceKey();
  }

  /** A started journey: its instance and the deployed process definition (and version) it runs. */
  public record Started(long processInstanceKey, long processDefinitionKey, int version) {}

  /** Starts a dunning journey on the latest deployed {@code dunning-journey}. */
  public Started begin(DunningStart start) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(JourneyModel.DEBT_ID, start.debtId());
    variables.put(JourneyModel.DEBT_ID_HASH, JourneyModel.debtIdHash(start.debtId()));
    variables.put(JourneyModel.DUE_DATE, start.dueDate().toString());
    variables.put(JourneyModel.AMOUNT, BigDecimal.valueOf(start.amountCents(), 2));
    variables.put(JourneyModel.PROPENSITY_SCORE, start.propensityScore());
    variables.put(JourneyModel.LATE_PAYMENT_COUNT, start.latePaymentCount());
    variables.put(JourneyModel.DEBTOR_TYPE, start.debtorType());
    variables.put(JourneyModel.DEBTOR_STATE, start.debtorState());
    variables.put(JourneyModel.DAYS_TO_DUE, start.daysToDue());
    var started =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(JourneyModel.DUNNING_JOURNEY)
            .latestVersion()
            .variables(variables)
            .send()
            .join();
    return new Started(
        started.getProcessInstanceKey(), started.getProcessDefinitionKey(), started.getVersion());
  }

  /** An installment as the agreement journey sees it: its régua's timers read the due date. */
  public record InstallmentVariable(int number, String dueDate, String amount) {}

  /**
   * Starts the journey of an agreement's installments and returns its process instance key. {@code
   * debtId} is the debt its reminders are logged under (the first of the joined debts).
   */
  public long startAgreement(
      String agreementId,
      String debtId,
      List<String> debtIds,
      List<InstallmentVariable> installments) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(JourneyModel.AGREEMENT_JOURNEY)
        .latestVersion()
        .variables(
            Map.of(
                JourneyModel.AGREEMENT_ID,
                agreementId,
                JourneyModel.DEBT_ID,
                debtId,
                JourneyModel.DEBT_IDS,
                debtIds,
                JourneyModel.INSTALLMENTS,
                installments))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * Makes a contact again, outside the debt's journey, through {@code contact-step}: its policy
   * (hours, daily limit, its default fallbacks) and its wait for the next window apply as to any
   * step. Used when a provider reports a sent message failed after its step had ended.
   */
  public void contactAgain(String debtId, String step, String channel, String template) {
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(JourneyModel.CONTACT_STEP)
        .latestVersion()
        .variables(
            Map.of(
                JourneyModel.DEBT_ID,
                debtId,
                "step",
                step,
                "channel",
                channel,
                "template",
                template))
        .send()
        .join();
  }

  /**
   * Publishes a payment to the debt's journey with the payment id as message id, so the engine
   * drops a repeat of the same payment.
   */
  public void publishPayment(String debtId, String paymentId, boolean settled, String openBalance) {
    publish(
        settled ? JourneyModel.PAYMENT_RECEIVED : JourneyModel.PARTIAL_PAYMENT_RECEIVED,
        debtId,
        paymentId,
        Map.of("openBalance", openBalance));
  }

  /**
   * Publishes a message to the debt's journey once per id. Saved first: called inside the
   * transaction that stores the event, the message is stored with it and published when it commits,
   * or later by the relay if the engine cannot be reached (see {@link MessageOutbox}). The engine
   * drops a repeat of the same id, so callers may repeat freely.
   */
  public void publish(
      String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
    outbox.add(messageName, correlationKey, messageId, variables);
  }
}
