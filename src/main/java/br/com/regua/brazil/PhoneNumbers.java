package br.com.regua.brazil;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers by Google's libphonenumber (the numbering plans it keeps up to date): whether a
 * number exists, and whether it can take an SMS or a WhatsApp (a mobile; a Brazilian landline
 * cannot).
 *
 * <p>Almost every number we see is a Brazilian one in plain E.164, a DDD and a subscriber number;
 * {@link BrazilianNumbers} decides those as libphonenumber does, in a fraction of its parse (a bulk
 * load checks thousands a second), and leaves every other form to libphonenumber.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** Types that may be mobiles: some plans cannot tell a landline from a mobile. */
  private static final Set<PhoneNumberType> MAY_BE_MOBILE =
      Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

  private PhoneNumbers() {}

  /** Whether the text is a valid number in E.164 form (+ and country code). */
  public static boolean isValid(String e164) {
    return switch (BrazilianNumbers.typeOf(e164)) {
      case FIXED_LINE, MOBILE -> true;
      case INVALID -> false;
      case NOT_DECIDED -> isValidByLibphonenumber(e164);
    };
  }

  /** Whether the number can receive an SMS or a WhatsApp message. */
  public static boolean isMobile(String e164) {
    return switch (BrazilianNumbers.typeOf(e164)) {
      case MOBILE -> true;
      case FIXED_LINE, INVALID -> false;
      case NOT_DECIDED -> isMobileByLibphonenumber(e164);
    };
  }

  /** libphonenumber's own answer, which {@link BrazilianNumbers} is tested against. */
  static boolean isValidByLibphonenumber(String e164) {
    return parse(e164).map(UTIL::isValidNumber).orElse(false);
  }

  /** libphonenumber's own answer, which {@link BrazilianNumbers} is tested against. */
  static boolean isMobileByLibphonenumber(String e164) {
    return parse(e164)
        .map(number -> MAY_BE_MOBILE.contains(UTIL.getNumberType(number)))
        .orElse(false);
  }

  private static Optional<PhoneNumber> parse(String e164) {
    if (e164 == null || !e164.startsWith("+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(UTIL.parse(e164, null));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
