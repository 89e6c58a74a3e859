package br.com.regua.brazil;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A CPF or CNPJ (numeric or alphanumeric) whose check digits are right; see {@link TaxId}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTaxId.Validator.class)
public @interface ValidTaxId {

  String message() default
      "must be a valid CPF (11 digits) or CNPJ (14 characters: 12 digits or capital letters, 2 check digits)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidTaxId, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || TaxId.isValidText(value);
    }
  }
}
