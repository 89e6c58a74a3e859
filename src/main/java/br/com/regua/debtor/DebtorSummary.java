package br.com.regua.debtor;

import br.com.regua.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The compact, read-only copy of a debtor's history that a user task carries for its Camunda Form
 * (Tasklist shows process variables only): tables of debts, the last contacts and the promises,
 * formatted as agents read them (R$ 1.234,56, 23/11/2026, "E-mail", "Enviada"). Prepared right
 * before the task opens; {@code historyAsOf} tells the agent how old it is, and the agent desk
 * shows the live history. {@code debtorHold} (null when none stands) says the debtor is held: no
 * contact at all.
 */
public record DebtorSummary(
    String historyAsOf,
    String debtorTotalOpen,
    List<DebtRow> debtorDebts,
    List<ContactRow> recentContacts,
    List<PromiseRow> debtorPromises,
    long promisesKept,
    long promisesBroken,
    String debtorHold) {

  /** The contacts a form shows; the desk and each debt's timeline have them all. */
  static final int CONTACT_ROWS = 10;

  static final int PROMISE_ROWS = 10;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private static final Map<String, String> STATUS =
      Map.of(
          "ACTIVE", "Em cobrança",
          "PROMISED", "Promessa",
          "DISPUTED", "Contestada",
          "NEGATIVATED", "Negativada",
          "PAID", "Paga",
          "RENEGOTIATED", "Renegociada",
          "CANCELLED", "Cancelada",
          "HANDED_OFF", "Com assessoria",
          "WRITTEN_OFF", "Baixada");

  private static final Map<String, String> PROMISE_STATUS =
      Map.of("ACTIVE", "Pendente", "KEPT", "Cumprida", "BROKEN", "Quebrada");

  /** What became of a contact, as agents say it (contact/ContactOutcome). */
  private static final Map<String, String> OUTCOME =
      Map.of(
          "SENT", "Enviada",
          "RECORDED", "Registrada, sem envio",
          "POSTPONED", "Adiada",
          "HELD", "Em espera (devedor com suspensão)",
          "SUPPRESSED", "Não enviada",
          "SKIPPED", "Pulada",
          "FAILED", "Falhou");

  private static final Map<String, String> CHANNEL =
      Map.of(
          "EMAIL", "E-mail",
          "SMS", "SMS",
          "WHATSAPP", "WhatsApp",
          "LETTER", "Carta",
          "PHONE", "Telefone");

  public record DebtRow(String debtId, String status, String openBalance, String dueDate) {}

  public record ContactRow(
      String when, String debtId, String step, String channel, String outcome) {}

  public record PromiseRow(String debtId, String promisedDate, String status) {}

  public static DebtorSummary of(DebtorHistory history, ZoneId zone) {
    return new DebtorSummary(
        minute(history.asOf(), zone),
        Money.toReais(Money.parseCents(history.totalOpenBalance())),
        history.debts().stream()
            .map(
                d ->
                    new DebtRow(
                        d.debtId(),
                        STATUS.getOrDefault(d.status(), d.status()),
                        Money.toReais(Money.parseCents(d.openBalance())),
                        day(d.dueDate())))
            .toList(),
        history.contacts().stream()
            .limit(CONTACT_ROWS)
            .map(
                c ->
                    new ContactRow(
                        minute(c.occurredAt(), zone),
                        c.debtId(),
                        c.step(),
                        c.channel() == null ? null : CHANNEL.getOrDefault(c.channel(), c.channel()),
                        OUTCOME.getOrDefault(c.outcome(), c.outcome())))
            .toList(),
        history.promises().stream()
            .limit(PROMISE_ROWS)
            .map(
                p ->
                    new PromiseRow(
                        p.debtId(),
                        day(p.promisedDate()),
                        PROMISE_STATUS.getOrDefault(p.status(), p.status())))
            .toList(),
        history.promisesWith("KEPT"),
        history.promisesWith("BROKEN"),
        history
            .standingHold()
            .map(h -> h.describe() + ": " + h.reason() + ". Não contatar o devedor.")
            .orElse(null));
  }

  private static String day(LocalDate date) {
    return DAY.format(date);
  }

  private static String minute(Instant instant, ZoneId zone) {
    return MINUTE.format(instant.atZone(zone));
  }
}
