package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.charge.pix.Txid;
import br.com.regua.contact.email.MimeText;
import br.com.regua.money.Money;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An agreement's installments paid by Pix, with no call to the payments API: the installment's
 * reminder carries a BR Code naming the agreement, and the PSP's notification of that Pix pays the
 * installments in order; more than what is owed is proposed for refund, and a Pix to an agreement
 * that takes none any more waits for a supervisor.
 */
class AgreementPixEndToEndTest extends IntegrationTest {

  @Test
  void theInstallmentsReminderCarriesItsPixAndThePixPaysTheAgreement() {
    // given a debt renegotiated in 2 installments, and the debtor in contact hours
    moveToContactHours();
    String debtId = TestDebtors.uniqueId("ag-pix");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "400.00", today().minusDays(10)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    JsonNode offer = offer(debtId, 2);
    String agreementId = "acordo-" + debtId;
    JsonNode agreement =
        api.post(
                "/api/debts/" + debtId + "/agreements",
                Map.of("agreementId", agreementId, "offerId", offer.get("offerId").asText()))
            .getBody();
    String first = agreement.at("/schedule/0/amount").asText();
    String total = agreement.get("total").asText();
    String reference = Txid.forAgreement(agreementId).substring(0, Txid.STATIC_LENGTH);

    // then the first installment's reminder carries a Pix of the installment naming the agreement
    String step = "Acordo " + agreementId + " parcela 1 D-3";
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains(step));
    String mail =
        List.of(SMTP.getReceivedMessages()).stream()
            .map(MimeText::plain)
            .filter(text -> text.contains("acordo " + agreementId))
            .findFirst()
            .orElseThrow();
    assertThat(mail).contains("Pix copia e cola da parcela: 000201", "0525" + reference);
    String amountField = Money.toDecimal(Money.parseCents(first));
    assertThat(mail).contains("54" + "%02d".formatted(amountField.length()) + amountField);

    // when the PSP reports the debtor's Pix of the first installment
    String e2e = endToEndId();
    JsonNode answer = pix(e2e, reference, first);

    // then the first installment is paid, through Pix
    assertThat(answer.at("/pix/0/outcome").asText()).isEqualTo("APPLIED");
    JsonNode after = api.get("/api/agreements/" + agreementId).getBody();
    assertThat(after.at("/schedule/0/status").asText()).isEqualTo("PAID");
    assertThat(after.at("/schedule/1/status").asText()).isNotEqualTo("PAID");
    assertThat(api.timelineTypes(debtId)).contains("AGREEMENT_PAYMENT_RECEIVED");

    // when the debtor then pays the rest and R$ 10,00 more
    long rest = Money.parseCents(total) - Money.parseCents(first);
    String more = endToEndId();
    JsonNode second = pix(more, reference, Money.toDecimal(rest + 10_00));

    // then the agreement is fulfilled, the debt paid, and the R$ 10,00 proposed for refund
    assertThat(second.at("/pix/0/outcome").asText()).isEqualTo("REFUND_PROPOSED");
    assertThat(api.get("/api/agreements/" + agreementId).getBody().get("status").asText())
        .isEqualTo("FULFILLED");
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("PAID"));
    JsonNode refund = refund("D" + more);
    assertThat(refund.get("amount").asText()).isEqualTo("10.00");
    assertThat(refund.get("debtId").asText()).isEqualTo(debtId);

    // and the same Pix again changes nothing, and a Pix to the fulfilled agreement waits for a
    // supervisor in the unidentified queue
    assertThat(pix(more, reference, "1.00").at("/pix/0/outcome").asText()).isEqualTo("DUPLICATE");
    String late = endToEndId();
    assertThat(pix(late, reference, "5.00").at("/pix/0/outcome").asText()).isEqualTo("UNMATCHED");
    assertThat(api.get("/api/payments/unidentified").getBody().findValuesAsText("paymentId"))
        .contains("pix-" + late);
  }

  private JsonNode pix(String e2e, String txid, String valor) {
    return api.post(
            "/api/webhooks/pix/pix",
            """
            {"pix":[{"endToEndId":"%s","txid":"%s","valor":"%s","horario":"2026-12-07T15:00:00Z"}]}"""
                .formatted(e2e, txid, valor))
        .getBody();
  }

  private JsonNode refund(String refundId) {
    for (JsonNode refund : api.get("/api/refunds?status=PROPOSED").getBody()) {
      if (refund.get("refundId").asText().equals(refundId)) {
        return refund;
      }
    }
    throw new AssertionError("no refund " + refundId + " proposed");
  }

  private JsonNode offer(String debtId, int installments) {
    for (JsonNode offer : api.get("/api/debts/" + debtId + "/offers").getBody().get("offers")) {
      if (offer.get("installments").asInt() == installments) {
        return offer;
      }
    }
    throw new AssertionError("no offer of " + installments + " installments");
  }
}
