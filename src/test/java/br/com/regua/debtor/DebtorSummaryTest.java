package br.com.regua.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.hold.DebtorHold;
import br.com.regua.hold.HoldKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The copy of the history a user task carries for its form: formatted as agents read it. */
class DebtorSummaryTest {

  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  @Test
  void formatsAmountsDatesAndStatusesInPortugueseAndSaysWhenItWasRead() {
    DebtorHistory history =
        new DebtorHistory(
            Instant.parse("2026-11-23T18:04:00Z"),
            new DebtorHistory.Debtor("52998224725", "Maria", "m@x.test", "+5511987654321", "SP"),
            "1600.00",
            List.of(
                new DebtorHistory.DebtLine(
                    "A", "NEGATIVATED", "500.00", "400.00", LocalDate.of(2026, 10, 10), null, null),
                new DebtorHistory.DebtLine(
                    "B", "PAID", "1200.00", "0.00", LocalDate.of(2026, 12, 1), null, null)),
            List.of(
                new DebtorHistory.ContactLine(
                    "A", Instant.parse("2026-11-20T12:30:00Z"), "D+7", "EMAIL", "SENT", null)),
            List.of(
                new DebtorHistory.PromiseLine(
                    "P2", "A", LocalDate.of(2026, 11, 30), "ACTIVE", "API", Instant.EPOCH),
                new DebtorHistory.PromiseLine(
                    "P1", "A", LocalDate.of(2026, 11, 1), "BROKEN", "API", Instant.EPOCH)),
            List.of());

    DebtorSummary summary = DebtorSummary.of(history, SAO_PAULO);

    assertThat(summary.historyAsOf()).isEqualTo("23/11/2026 15:04");
    assertThat(summary.debtorTotalOpen()).isEqualTo("R$ 1.600,00");
    assertThat(summary.debtorDebts())
        .containsExactly(
            new DebtorSummary.DebtRow("A", "Negativada", "R$ 400,00", "10/10/2026"),
            new DebtorSummary.DebtRow("B", "Paga", "R$ 0,00", "01/12/2026"));
    assertThat(summary.recentContacts())
        .containsExactly(
            new DebtorSummary.ContactRow("20/11/2026 09:30", "A", "D+7", "E-mail", "Enviada"));
    assertThat(summary.debtorPromises())
        .containsExactly(
            new DebtorSummary.PromiseRow("A", "30/11/2026", "Pendente"),
            new DebtorSummary.PromiseRow("A", "01/11/2026", "Quebrada"));
    assertThat(summary.promisesKept()).isZero();
    assertThat(summary.promisesBroken()).isOne();
  }

  @Test
  void aStandingHoldIsTheFirstThingTheAgentReads() {
    DebtorHold lifted =
        new DebtorHold(
            "H0",
            "52998224725",
            HoldKind.LEGAL,
            "liminar",
            "TJSP",
            LocalDate.of(2026, 10, 1),
            null,
            null,
            Instant.EPOCH,
            Instant.EPOCH.plusSeconds(60),
            "revogada");
    DebtorHold standing =
        new DebtorHold(
            "H1",
            "52998224725",
            HoldKind.OVER_INDEBTEDNESS,
            "repactuação",
            "Procon-SP",
            LocalDate.of(2026, 12, 7),
            LocalDate.of(2027, 6, 7),
            "350.00",
            Instant.EPOCH,
            null,
            null);
    DebtorHistory history =
        new DebtorHistory(
            Instant.EPOCH,
            new DebtorHistory.Debtor("52998224725", "Maria", "m@x.test", "+5511987654321", "SP"),
            "0.00",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(standing, lifted));

    assertThat(DebtorSummary.of(history, SAO_PAULO).debtorHold())
        .isEqualTo(
            "Suspensão H1 (superendividamento, desde 07/12/2026, fim previsto 07/06/2027; fonte:"
                + " Procon-SP): repactuação. Não contatar o devedor.");
    assertThat(
            DebtorSummary.of(
                    new DebtorHistory(
                        Instant.EPOCH,
                        history.debtor(),
                        "0.00",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(lifted)),
                    SAO_PAULO)
                .debtorHold())
        .isNull();
  }

  @Test
  void keepsTheNewestContactsOnly() {
    List<DebtorHistory.ContactLine> contacts =
        IntStream.range(0, 25)
            .mapToObj(
                i ->
                    new DebtorHistory.ContactLine(
                        "A",
                        Instant.EPOCH.plusSeconds(3600L * (25 - i)),
                        "S" + i,
                        "SMS",
                        "SENT",
                        null))
            .toList();
    DebtorHistory history =
        new DebtorHistory(
            Instant.EPOCH,
            new DebtorHistory.Debtor("52998224725", "Maria", "m@x.test", "+5511987654321", "SP"),
            "0.00",
            List.of(),
            contacts,
            List.of(),
            List.of());

    List<DebtorSummary.ContactRow> rows = DebtorSummary.of(history, SAO_PAULO).recentContacts();

    assertThat(rows).hasSize(DebtorSummary.CONTACT_ROWS);
    assertThat(rows.get(0).step()).isEqualTo("S0");
    assertThat(rows.get(9).step()).isEqualTo("S9");
  }
}
