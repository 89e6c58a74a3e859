package br.com.regua.devkit.simulator;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.brazil.TaxId;
import br.com.regua.hold.HoldKind;
import br.com.regua.hold.HoldRequest;
import br.com.regua.hold.HoldService;
import java.time.LocalDate;

/**
 * Holds on a few of the portfolio's debtors, so that the audit checks "nothing while held" over a
 * run: by the debt's index, deterministically (the same seed, the same holds). One debt in 40 gets
 * a legal hold on day 12, lifted on day 30; one in 40 an over-indebtedness renegotiation on day 20,
 * never lifted (a company instead gets a judicial recovery); one in 97 dies on day 18.
 */
final class PortfolioHolds {

  private final HoldService holds;

  PortfolioHolds(HoldService holds) {
    this.holds = holds;
  }

  /** What the day brings to this debt's debtor; counts what was placed or lifted. */
  int apply(Portfolio.Entry entry, int day, LocalDate date) {
    if (holds == null) {
      return 0;
    }
    String document = TaxId.canonicalOf(entry.request().debtor().document(), "document");
    boolean person = TaxId.parse(document).kind() == TaxId.Kind.PF;
    int i = entry.index();
    try {
      if (i % 40 == 11 && day == 12) {
        return place(document, "SIM-L-" + i, HoldKind.LEGAL, date);
      }
      if (i % 40 == 11 && day == 30) {
        holds.lift(document, "SIM-L-" + i, "Liminar revogada (simulador)");
        return 1;
      }
      if (i % 40 == 27 && day == 20) {
        return place(
            document,
            "SIM-S-" + i,
            person ? HoldKind.OVER_INDEBTEDNESS : HoldKind.JUDICIAL_RECOVERY,
            date);
      }
      if (i % 97 == 50 && day == 18 && person) {
        return place(document, "SIM-F-" + i, HoldKind.DECEASED, date);
      }
    } catch (ConflictException | RuleViolationException | NotFoundException refused) {
      // a debtor the run already closed or held otherwise: nothing to do
    }
    return 0;
  }

  private int place(String document, String holdId, HoldKind kind, LocalDate date) {
    return holds
            .place(
                document,
                new HoldRequest(
                    holdId,
                    kind,
                    "Ordem simulada",
                    "Simulador, processo " + holdId,
                    date,
                    null,
                    null))
            .created()
        ? 1
        : 0;
  }
}
