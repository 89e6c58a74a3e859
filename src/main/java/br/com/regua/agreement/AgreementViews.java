package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.JoinedDebt;
import br.com.regua.agreement.AgreementRepository.Stored;
import br.com.regua.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * An agreement as the API shows it: its joined debts, amounts, and each installment's state today.
 * The first régua's agreements ({@code LEGACY}) have no amounts and no schedule.
 */
@Service
public class AgreementViews {

  private final AgreementRepository agreements;
  private final Clock clock;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  AgreementViews(
      AgreementRepository agreements,
      Clock clock,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.agreements = agreements;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** The debtor's active agreements, newest first (the debtor's portal follows them). */
  public List<AgreementView> activeOf(String document) {
    return jdbc
        .sql(
            "select agreement_id from agreement where debtor_document = :document"
                + " and status = 'ACTIVE' order by signed_at desc, agreement_id")
        .param("document", document)
        .query(String.class)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  public AgreementView view(String agreementId) {
    Stored a = agreements.find(agreementId).orElseThrow(() -> AgreementDebts.notFound(agreementId));
    List<String> ids = agreements.debts(agreementId).stream().map(JoinedDebt::debtId).toList();
    if (a.totalCents() == null) {
      return new AgreementView(
          a.agreementId(),
          a.debtId(),
          List.of(a.debtId()),
          a.status(),
          a.source(),
          null,
          null,
          a.installmentCount(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          a.signedAt(),
          a.closedAt());
    }
    long paid = agreements.paidCents(agreementId);
    LocalDate today = LocalDate.now(clock);
    List<AgreementView.InstallmentView> schedule =
        agreements.installments(agreementId).stream()
            .map(
                i ->
                    new AgreementView.InstallmentView(
                        i.number(),
                        i.dueDate(),
                        Money.toDecimal(i.amountCents()),
                        Money.toDecimal(i.paidCents()),
                        i.openCents() == 0 ? "PAID" : i.dueDate().isBefore(today) ? "LATE" : "OPEN",
                        i.paidAt()))
            .toList();
    return new AgreementView(
        a.agreementId(),
        a.debtId(),
        ids,
        a.status(),
        a.source(),
        a.offerId(),
        a.agent(),
        schedule.size(),
        Money.toDecimal(a.principalCents()),
        Money.toDecimal(a.fineCents()),
        Money.toDecimal(a.interestCents()),
        Money.toDecimal(a.discountCents()),
        Money.toDecimal(a.totalCents()),
        Money.toDecimal(paid),
        Money.toDecimal(a.totalCents() - paid),
        schedule,
        a.signedAt(),
        a.closedAt());
  }
}
