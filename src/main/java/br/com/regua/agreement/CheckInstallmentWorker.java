package br.com.regua.agreement;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/**
 * {@code check-installment}: whether the installment is already paid (a payment may cover several
 * installments at once), so its régua is skipped.
 */
@Component
public class CheckInstallmentWorker {

  private final AgreementPayments agreements;

  CheckInstallmentWorker(AgreementPayments agreements) {
    this.agreements = agreements;
  }

  public record Installment(int number) {}

  public record Input(String agreementId, Installment installment) {}

  public record Output(boolean installmentPaid) {}

  @JobWorker(type = JourneyModel.CHECK_INSTALLMENT)
  public Output check(@VariablesAsType Input input) {
    return new Output(
        agreements.installmentPaid(input.agreementId(), input.installment().number()));
  }
}
