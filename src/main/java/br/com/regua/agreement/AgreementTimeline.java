package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.StoredInstallment;
import br.com.regua.money.Money;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the joined debts' timelines say of an agreement, in Portuguese for the agents: one place for
 * the texts, which the agents' desk and the tests read word for word.
 */
final class AgreementTimeline {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private AgreementTimeline() {}

  static String signed(String agreementId, String source, AgreementTerms terms, List<String> ids) {
    int count = terms.installments().size();
    StringBuilder detail =
        new StringBuilder("Acordo ")
            .append(agreementId)
            .append(source.equals("AGENT") ? " (negociado por agente)" : " (oferta aceita)")
            .append(": ")
            .append(Money.toReais(terms.totalCents()));
    if (count == 1) {
      detail.append(" à vista");
    } else {
      detail
          .append(" em ")
          .append(count)
          .append(" parcelas de ")
          .append(Money.toReais(terms.installments().getFirst().amountCents()));
    }
    detail
        .append(", 1º vencimento ")
        .append(BR_DATE.format(terms.installments().getFirst().dueDate()))
        .append("; saldo ")
        .append(Money.toReais(terms.principalCents()))
        .append(" + multa ")
        .append(Money.toReais(terms.fineCents()))
        .append(" + juros ")
        .append(Money.toReais(terms.interestCents()))
        .append(" - desconto ")
        .append(Money.toReais(terms.discountCents()));
    if (ids.size() > 1) {
      detail.append("; dívidas ").append(String.join(", ", ids));
    }
    return detail.toString();
  }

  /**
   * @param paidInFull the installments this payment completed
   * @param openAfter what the agreement still owes after it
   */
  static String paid(
      String paymentId,
      long cents,
      String agreementId,
      List<Integer> paidInFull,
      int installmentCount,
      long openAfter) {
    return "Pagamento "
        + paymentId
        + " de "
        + Money.toReais(cents)
        + " ao acordo "
        + agreementId
        + (paidInFull.isEmpty()
            ? ""
            : "; parcela(s) paga(s): "
                + paidInFull.stream()
                    .map(n -> n + "/" + installmentCount)
                    .reduce((a, b) -> a + ", " + b)
                    .orElseThrow())
        + "; saldo do acordo "
        + Money.toReais(openAfter);
  }

  static String broken(
      String agreementId, StoredInstallment late, long paidCents, long totalCents) {
    return "Acordo "
        + agreementId
        + " rompido: parcela "
        + late.number()
        + " de "
        + Money.toReais(late.openCents())
        + " vencida em "
        + BR_DATE.format(late.dueDate())
        + " sem pagamento; pago "
        + Money.toReais(paidCents)
        + " de "
        + Money.toReais(totalCents);
  }
}
