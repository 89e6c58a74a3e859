package br.com.regua.hold;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A hold as stored and as the API shows it. {@code maxInstallmentAmount} is a decimal string
 * (reais), {@code liftedAt} null while it stands.
 */
public record DebtorHold(
    String holdId,
    String document,
    HoldKind kind,
    String reason,
    String source,
    LocalDate startsOn,
    LocalDate expectedEndOn,
    String maxInstallmentAmount,
    Instant placedAt,
    Instant liftedAt,
    String liftReason) {

  public boolean standing() {
    return liftedAt == null;
  }

  /** How a timeline or an agent reads it (pt-BR). */
  public String describe() {
    return "Suspensão "
        + holdId
        + " ("
        + kind.label()
        + ", desde "
        + HoldRepository.BR_DATE.format(startsOn)
        + (expectedEndOn == null
            ? ""
            : ", fim previsto " + HoldRepository.BR_DATE.format(expectedEndOn))
        + "; fonte: "
        + source
        + ")";
  }
}
