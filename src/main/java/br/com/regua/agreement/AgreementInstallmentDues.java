package br.com.regua.agreement;

import br.com.regua.contact.policy.InstallmentDues;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The contact policy's view of installments: owed while unpaid and the agreement is active. */
@Component
class AgreementInstallmentDues implements InstallmentDues {

  private final AgreementRepository agreements;

  AgreementInstallmentDues(AgreementRepository agreements) {
    this.agreements = agreements;
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
        .map(i -> new Due(agreementId, number, installments.size(), i.dueDate(), i.openCents()));
  }
}
