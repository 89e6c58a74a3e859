package br.com.regua.journey;

import br.com.regua.debt.Debt;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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

  Journeys(CamundaClient client) {
    this.client = client;
  }

  /**
   * Starts the dunning journey of a debt and returns its process instance key. The variables are
   * the inputs of the strategy decision and what the timers and gateways read.
   */
  public long start(Debt debt, LocalDate today) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(JourneyModel.DEBT_ID, debt.debtId());
    variables.put(JourneyModel.DUE_DATE, debt.dueDate().toString());
    variables.put(JourneyModel.AMOUNT, BigDecimal.valueOf(debt.amountCents(), 2));
    variables.put(JourneyModel.PROPENSITY_SCORE, debt.propensityScore());
    variables.put(JourneyModel.LATE_PAYMENT_COUNT, debt.latePaymentCount());
    variables.put(JourneyModel.DEBTOR_TYPE, debt.debtor().type().name());
    variables.put(JourneyModel.DEBTOR_STATE, debt.debtor().state().name());
    variables.put(JourneyModel.DAYS_TO_DUE, ChronoUnit.DAYS.between(today, debt.dueDate()));
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(JourneyModel.DUNNING_JOURNEY)
        .latestVersion()
        .variables(variables)
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
   * Publishes a message to the debt's journey once per id: the engine's "already published" is a
   * success here, so callers may retry freely.
   */
  public void publish(
      String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(messageName)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(MESSAGE_TTL)
          .variables(variables)
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
