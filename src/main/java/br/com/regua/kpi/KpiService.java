package br.com.regua.kpi;

import br.com.regua.kpi.KpiReport.Agreements;
import br.com.regua.kpi.KpiReport.Bucket;
import br.com.regua.kpi.KpiReport.ChannelEffectiveness;
import br.com.regua.kpi.KpiReport.Kpis;
import br.com.regua.kpi.KpiReport.PaidBeforeDue;
import br.com.regua.kpi.KpiReport.Promises;
import br.com.regua.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the KPIs of a cohort: the debts due in the period (whatever happened to them since). A
 * payment's aging is the days from the due date to the day it was paid (São Paulo); a contact
 * counts when it reached the debtor or was recorded for them ({@code SENT}, {@code RECORDED}); a
 * payment is credited to the channel of the last such contact before it (last touch). Payments to
 * an agreement count for its debts, shared as the agreement credits their balances.
 */
@Service
class KpiService {

  static final List<String> BUCKETS = List.of("0-30", "31-60", "61-90", "90+");

  /**
   * Each agreement payment's share of each debt, as the agreement credits the debts' balances
   * (agreement/AgreementPayments): the payments in the order received fill the debts' balances at
   * signing in their order; what is paid beyond them (the agreement's fine and interest) goes to
   * the last debt, so the shares add up to the money received. A payment's share is the overlap of
   * its stretch of the agreement's running total with the debt's stretch.
   */
  private static final String AGREEMENT_PAYMENT_SHARES =
      """
      select d.debt_id, least(p.paid_to, d.balance_to) - greatest(p.paid_from, d.balance_from)
               as amount_cents, p.paid_at
        from (select agreement_id, paid_at,
                     sum(amount_cents) over w - amount_cents as paid_from,
                     sum(amount_cents) over w as paid_to
                from agreement_payment
              window w as (partition by agreement_id order by received_at, payment_id)) p
        join (select agreement_id, debt_id,
                     sum(balance_cents) over w - balance_cents as balance_from,
                     case when position = max(position) over (partition by agreement_id)
                          then 9223372036854775807 else sum(balance_cents) over w end as balance_to
                from agreement_debt
              window w as (partition by agreement_id order by position)) d
          on d.agreement_id = p.agreement_id
       where least(p.paid_to, d.balance_to) > greatest(p.paid_from, d.balance_from)
      """;

  private static final Set<String> REACHED = Set.of("SENT", "RECORDED");

  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final PortalFunnel portal;

  KpiService(
      JdbcClient jdbc, @Value("${regua.zone:America/Sao_Paulo}") ZoneId zone, PortalFunnel portal) {
    this.jdbc = jdbc;
    this.zone = zone;
    this.portal = portal;
  }

  record DebtRow(
      String debtId,
      long amountCents,
      LocalDate dueDate,
      String status,
      String strategy,
      Integer journeyVersion) {}

  record PaymentRow(String debtId, long amountCents, Instant paidAt) {}

  record ContactRow(String debtId, String channel, Instant at) {}

  record Cohort(
      List<DebtRow> debts,
      Map<String, List<PaymentRow>> payments,
      Map<String, List<ContactRow>> contacts,
      Map<String, List<String>> promises,
      Map<String, List<Boolean>> agreements) {

    Cohort only(List<DebtRow> subset) {
      return new Cohort(subset, payments, contacts, promises, agreements);
    }
  }

  KpiReport report(LocalDate from, LocalDate to) {
    Cohort cohort = load(from, to);
    return new KpiReport(
        from,
        to,
        kpis(cohort),
        grouped(cohort, d -> d.strategy() == null ? "undecided" : d.strategy()),
        grouped(
            cohort, d -> d.journeyVersion() == null ? "unknown" : d.journeyVersion().toString()),
        portal.of(from, to));
  }

  private Map<String, Kpis> grouped(Cohort cohort, Function<DebtRow, String> key) {
    Map<String, List<DebtRow>> groups =
        cohort.debts().stream()
            .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    Map<String, Kpis> result = new LinkedHashMap<>();
    groups.forEach((name, debts) -> result.put(name, kpis(cohort.only(debts))));
    return result;
  }

  private Kpis kpis(Cohort cohort) {
    long amount = 0;
    long recovered = 0;
    long paidBeforeDue = 0;
    long contacts = 0;
    long kept = 0;
    long broken = 0;
    long signed = 0;
    long agreementsBroken = 0;
    Map<String, Long> buckets = new LinkedHashMap<>();
    BUCKETS.forEach(b -> buckets.put(b, 0L));
    Map<String, long[]> channels = new TreeMap<>(); // contacts, payments, recovered cents

    for (DebtRow debt : cohort.debts()) {
      amount += debt.amountCents();
      List<PaymentRow> payments = cohort.payments().getOrDefault(debt.debtId(), List.of());
      List<ContactRow> debtContacts = cohort.contacts().getOrDefault(debt.debtId(), List.of());
      for (ContactRow contact : debtContacts) {
        contacts++;
        channels.computeIfAbsent(contact.channel(), c -> new long[3])[0]++;
      }
      for (PaymentRow payment : payments) {
        recovered += payment.amountCents();
        long days =
            ChronoUnit.DAYS.between(debt.dueDate(), payment.paidAt().atZone(zone).toLocalDate());
        buckets.merge(bucket(days), payment.amountCents(), Long::sum);
        debtContacts.stream()
            .filter(c -> !c.at().isAfter(payment.paidAt()))
            .max(Comparator.comparing(ContactRow::at))
            .ifPresent(
                last -> {
                  long[] channel = channels.computeIfAbsent(last.channel(), c -> new long[3]);
                  channel[1]++;
                  channel[2] += payment.amountCents();
                });
      }
      if ("PAID".equals(debt.status())
          && !payments.isEmpty()
          && payments.stream()
              .map(p -> p.paidAt().atZone(zone).toLocalDate())
              .allMatch(day -> !day.isAfter(debt.dueDate()))) {
        paidBeforeDue++;
      }
      for (String status : cohort.promises().getOrDefault(debt.debtId(), List.of())) {
        if ("KEPT".equals(status)) {
          kept++;
        } else if ("BROKEN".equals(status)) {
          broken++;
        }
      }
      for (boolean agreementBroken : cohort.agreements().getOrDefault(debt.debtId(), List.of())) {
        signed++;
        if (agreementBroken) {
          agreementsBroken++;
        }
      }
    }

    long debts = cohort.debts().size();
    long totalAmount = amount;
    Map<String, Bucket> aging = new LinkedHashMap<>();
    buckets.forEach(
        (name, cents) ->
            aging.put(name, new Bucket(Money.toDecimal(cents), rate(cents, totalAmount))));
    Map<String, ChannelEffectiveness> effectiveness = new LinkedHashMap<>();
    channels.forEach(
        (channel, n) ->
            effectiveness.put(
                channel,
                new ChannelEffectiveness(n[0], n[1], Money.toDecimal(n[2]), rate(n[1], n[0]))));
    return new Kpis(
        debts,
        Money.toDecimal(amount),
        Money.toDecimal(recovered),
        rate(recovered, amount),
        new PaidBeforeDue(paidBeforeDue, rate(paidBeforeDue, debts)),
        aging,
        contacts,
        recovered == 0
            ? null
            : BigDecimal.valueOf(contacts)
                .divide(BigDecimal.valueOf(recovered, 2), 4, RoundingMode.HALF_EVEN)
                .toPlainString(),
        effectiveness,
        new Promises(kept, broken, rate(kept, kept + broken)),
        new Agreements(signed, agreementsBroken));
  }

  static String bucket(long daysAfterDue) {
    if (daysAfterDue <= 30) {
      return "0-30";
    }
    if (daysAfterDue <= 60) {
      return "31-60";
    }
    return daysAfterDue <= 90 ? "61-90" : "90+";
  }

  private static String rate(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part)
            .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN)
            .toPlainString();
  }

  private Cohort load(LocalDate from, LocalDate to) {
    String cohort = " d.due_date between :from and :to";
    List<DebtRow> debts =
        jdbc.sql(
                "select d.debt_id, d.amount_cents, d.due_date, d.status, d.strategy,"
                    + " d.journey_version from debt d where"
                    + cohort
                    + " order by d.debt_id")
            .param("from", from)
            .param("to", to)
            .query(
                (rs, n) ->
                    new DebtRow(
                        rs.getString("debt_id"),
                        rs.getLong("amount_cents"),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getString("status"),
                        rs.getString("strategy"),
                        rs.getObject("journey_version", Integer.class)))
            .list();
    Map<String, List<PaymentRow>> payments =
        jdbc
            .sql(
                "select p.debt_id, p.amount_cents, p.paid_at from payment p"
                    + " join debt d on d.debt_id = p.debt_id where"
                    + cohort
                    + " union all select s.debt_id, s.amount_cents, s.paid_at from ("
                    + AGREEMENT_PAYMENT_SHARES
                    + ") s join debt d on d.debt_id = s.debt_id where"
                    + cohort)
            .param("from", from)
            .param("to", to)
            .query(
                (rs, n) ->
                    new PaymentRow(
                        rs.getString("debt_id"),
                        rs.getLong("amount_cents"),
                        rs.getTimestamp("paid_at").toInstant()))
            .list()
            .stream()
            .collect(Collectors.groupingBy(PaymentRow::debtId));
    Map<String, List<ContactRow>> contacts =
        jdbc
            .sql(
                "select c.debt_id, c.channel, c.occurred_at from contact c"
                    + " join debt d on d.debt_id = c.debt_id where c.outcome in (:reached) and"
                    + cohort)
            .param("reached", REACHED)
            .param("from", from)
            .param("to", to)
            .query(
                (rs, n) ->
                    new ContactRow(
                        rs.getString("debt_id"),
                        rs.getString("channel"),
                        rs.getTimestamp("occurred_at").toInstant()))
            .list()
            .stream()
            .collect(Collectors.groupingBy(ContactRow::debtId));
    Map<String, List<String>> promises = new TreeMap<>();
    jdbc.sql(
            "select p.debt_id, p.status from promise p join debt d on d.debt_id = p.debt_id"
                + " where"
                + cohort)
        .param("from", from)
        .param("to", to)
        .query(
            rs -> {
              promises
                  .computeIfAbsent(rs.getString("debt_id"), k -> new ArrayList<>())
                  .add(rs.getString("status"));
            });
    Map<String, List<Boolean>> agreements = new TreeMap<>();
    jdbc.sql(
            "select a.debt_id, "
                + brokenAgreement()
                + " as broken from agreement a join debt d on d.debt_id = a.debt_id where"
                + cohort)
        .param("from", from)
        .param("to", to)
        .query(
            rs -> {
              agreements
                  .computeIfAbsent(rs.getString("debt_id"), k -> new ArrayList<>())
                  .add(rs.getBoolean("broken"));
            });
    return new Cohort(debts, payments, contacts, promises, agreements);
  }

  /**
   * Agreements gain a status with their installments (a later issue); until the table has one, no
   * agreement is broken.
   */
  private String brokenAgreement() {
    boolean hasStatus =
        jdbc.sql(
                    "select count(*) from information_schema.columns where table_schema = current_schema()"
                        + " and table_name = 'agreement' and column_name = 'status'")
                .query(Long.class)
                .single()
            > 0;
    return hasStatus ? "(a.status = 'BROKEN')" : "false";
  }
}
