package br.com.regua.brazil;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** A phone number that exists in its country's numbering plan (libphonenumber); null passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPhone.Validator.class)
public @interface ValidPhone {

  String message() default "is not a valid phone number for its country";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidPhone, String> {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      // the format is @Pattern's to report; this one speaks of numbers that are well formed
      return value == null || !E164.matcher(value).matches() || PhoneNumbers.isValid(value);
    }
  }
}
