package br.com.regua.debt;

import br.com.regua.brazil.PhoneNumbers;
import br.com.regua.brazil.TaxId;
import br.com.regua.money.Money;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of registrations in bulk ({@code POST /api/debts:batch}). The constraints that
 * {@link RegisterDebtRequest} declares are checked here through its record accessors, so a row that
 * meets them all costs no walk of Hibernate Validator (its reflection, property paths and contexts
 * were a third of a batch request's CPU: docs/performance.md). A row this check does not pass goes
 * to Hibernate Validator, whose violations are the answer: the same messages, in the request's
 * language, and the same paths as {@code POST /api/debts} gives.
 *
 * <p>The check restates the annotations in code, so it could drift from them. {@code
 * RegistrationValidatorTest} is what holds the two together: it runs this and Hibernate Validator
 * on thousands of generated rows, with the limits read from the annotations, and fails if this
 * passes a row Hibernate Validator would not (or, for the ordinary rows of a bulk load, does not
 * pass one it would); it also fails when an annotation is added, removed or changed, until this
 * check and the test follow.
 */
@Component
public class RegistrationValidator {

  private static final Pattern ID = Pattern.compile(RegisterDebtRequest.ID_PATTERN);
  private static final Pattern PHONE = Pattern.compile(RegisterDebtRequest.PHONE_PATTERN);
  private static final Pattern CEP = Pattern.compile(RegisterDebtRequest.CEP_PATTERN);
  private static final Pattern OUR_NUMBER = Pattern.compile(RegisterDebtRequest.OUR_NUMBER_PATTERN);

  /**
   * Addresses {@code @Email} certainly accepts: dot-separated atoms of letters, digits and {@code _
   * + -}, then host-name labels of at most 63 characters. Any other address, well formed or not, is
   * Hibernate Validator's to judge.
   */
  private static final Pattern PLAIN_EMAIL =
      Pattern.compile(
          "[A-Za-z0-9_+-]++(?:\\.[A-Za-z0-9_+-]++)*+"
              + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*+");

  private final Validator validator;

  RegistrationValidator(Validator validator) {
    this.validator = validator;
  }

  /** What {@link Validator#validate} says of the request: nothing when it is valid. */
  public Set<ConstraintViolation<RegisterDebtRequest>> validate(RegisterDebtRequest request) {
    return certainlyValid(request) ? Set.of() : validator.validate(request);
  }

  /**
   * Whether the request meets every constraint of its annotations; false also for the few valid
   * forms left to Hibernate Validator (an unusual e-mail address).
   */
  static boolean certainlyValid(RegisterDebtRequest r) {
    return text(r.debtId(), 64)
        && ID.matcher(r.debtId()).matches()
        && r.debtor() != null
        && certainlyValid(r.debtor())
        && r.amount() != null
        && Money.isValidPositive(r.amount())
        && r.dueDate() != null
        && (r.propensityScore() == null
            || (r.propensityScore() >= 0 && r.propensityScore() <= 1000))
        && (r.latePaymentCount() == null || r.latePaymentCount() >= 0)
        && (r.boleto() == null || certainlyValid(r.boleto()));
  }

  private static boolean certainlyValid(RegisterDebtRequest.Debtor d) {
    return d.document() != null
        && TaxId.isValidText(d.document())
        && text(d.name(), 200)
        && text(d.email(), 320)
        && plainEmail(d.email())
        && d.phone() != null
        && PHONE.matcher(d.phone()).matches()
        && PhoneNumbers.isValid(d.phone())
        && d.state() != null
        && (d.address() == null || certainlyValid(d.address()));
  }

  private static boolean certainlyValid(RegisterDebtRequest.Address a) {
    return text(a.street(), 200)
        && text(a.number(), 20)
        && (a.complement() == null || a.complement().length() <= 100)
        && text(a.district(), 100)
        && text(a.city(), 100)
        && a.state() != null
        && a.postalCode() != null
        && CEP.matcher(a.postalCode()).matches();
  }

  private static boolean certainlyValid(RegisterDebtRequest.BoletoReference b) {
    return ValidBoleto.Validator.isValid(b)
        && (b.ourNumber() == null
            || (b.ourNumber().length() <= 20 && OUR_NUMBER.matcher(b.ourNumber()).matches()));
  }

  /** {@code @NotBlank @Size(max)}: Hibernate Validator's blank is what {@code trim()} empties. */
  private static boolean text(String value, int maxLength) {
    return value != null && value.length() <= maxLength && !value.trim().isEmpty();
  }

  private static boolean plainEmail(String email) {
    int at = email.lastIndexOf('@');
    return at <= 64 && email.length() - at - 1 <= 255 && PLAIN_EMAIL.matcher(email).matches();
  }
}
