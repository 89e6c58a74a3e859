package br.com.regua.debt;

import br.com.regua.charge.boleto.InvalidBoletoException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A boleto given by exactly one of its barcode or its digitable line, with right check digits. A
 * wrong one is reported on the field given ({@code boleto.digitableLine}), saying which digit is
 * wrong.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidBoleto.Validator.class)
public @interface ValidBoleto {

  String message() default "give either the barcode or the digitable line";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidBoleto, RegisterDebtRequest.BoletoReference> {
    @Override
    public boolean isValid(
        RegisterDebtRequest.BoletoReference boleto, ConstraintValidatorContext context) {
      if (boleto == null) {
        return true;
      }
      if (!givenOneWay(boleto)) {
        return false;
      }
      InvalidBoletoException wrongDigit = wrongCheckDigit(boleto);
      if (wrongDigit == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(wrongDigit.getMessage())
          .addPropertyNode(boleto.barcode() != null ? "barcode" : "digitableLine")
          .addConstraintViolation();
      return false;
    }

    /** The same verdict without a context to report to ({@link RegistrationValidator}). */
    static boolean isValid(RegisterDebtRequest.BoletoReference boleto) {
      return boleto == null || (givenOneWay(boleto) && wrongCheckDigit(boleto) == null);
    }

    private static boolean givenOneWay(RegisterDebtRequest.BoletoReference boleto) {
      return (boleto.barcode() == null) != (boleto.digitableLine() == null);
    }

    private static InvalidBoletoException wrongCheckDigit(
        RegisterDebtRequest.BoletoReference boleto) {
      try {
        boleto.toBoleto();
        return null;
      } catch (InvalidBoletoException e) {
        return e;
      }
    }
  }
}
