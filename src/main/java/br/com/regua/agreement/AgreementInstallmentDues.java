package br.com.regua.agreement;

import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.contact.policy.InstallmentDues;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The contact policy's view of installments: owed while unpaid and the agreement is active, with
 * the Pix that pays what is owed on it.
 */
@Component
class AgreementInstallmentDues implements InstallmentDues {

  private final AgreementRepository agreements;
  private final PaymentOptionsService paymentOptions;

  AgreementInstallmentDues(AgreementRepository agreements, PaymentOptionsService paymentOptions) {
    this.agreements = agreements;
    this.paymentOptions = paymentOptions;
  }

  @Override
  public Optional<Due> owed(String agreementId, int number) {
    Optional<AgreementRepository.Stored> agreement = agreements.find(agreementId);
    if (agreement.isEmpty() || !agreement.get().active()) {
      return Optional.empty();
    }
    List<AgreementRepository.StoredInstallment> installments = agreements.installments(agreementId);
    return installments.stream()
        .filter(i -> i.number() == number && i.openCents() > 0)
        .findFirst()
        .map(
            i ->
                new Due(
                    agreementId,
                    number,
                    installments.size(),
                    i.dueDate(),
                    i.openCents(),
                    paymentOptions.agreementPix(agreementId, i.openCents()).orElse(null)));
  }
}
