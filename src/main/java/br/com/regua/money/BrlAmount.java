package br.com.regua.money;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A positive BRL amount as a decimal string with at most two decimal places. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BrlAmount.Validator.class)
public @interface BrlAmount {

  String message() default
      "must be a positive amount in reais with at most 2 decimal places, e.g. \"1234.56\"";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<BrlAmount, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Money.isValidPositive(value);
    }
  }
}
