package br.com.regua.brazil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * {@link BrazilianNumbers} against libphonenumber, which it stands in for: both must say the same
 * of every number, valid or not, mobile or not. This test is what keeps the two together; it covers
 * every two-digit prefix (the DDDs and the non-geographic 0800, 300, 400x …), every length around
 * the plan's, every first subscriber digit, and the forms left to libphonenumber (punctuation, a
 * national prefix, other countries).
 */
class BrazilianNumbersTest {

  private final Random random = new Random(14);

  @Test
  void decidesEveryNumberAsLibphonenumberDoes() {
    // given plain E.164 numbers for every prefix, length and first digit, and other forms
    List<String> numbers = new ArrayList<>();
    for (int prefix = 0; prefix < 100; prefix++) {
      for (int subscriberDigits = 6; subscriberDigits <= 11; subscriberDigits++) {
        for (char first = '0'; first <= '9'; first++) {
          String head = "+55" + String.format("%02d", prefix) + first;
          numbers.add(head + "0".repeat(subscriberDigits - 1));
          numbers.add(head + "9".repeat(subscriberDigits - 1));
          numbers.add(head + digits(subscriberDigits - 1));
        }
      }
    }
    for (int i = 0; i < 2000; i++) {
      numbers.add(otherForm(mobileOrLandline()));
    }

    // then
    SoftAssertions softly = new SoftAssertions();
    for (String number : numbers) {
      softly
          .assertThat(PhoneNumbers.isValid(number))
          .as("valid: %s", number)
          .isEqualTo(PhoneNumbers.isValidByLibphonenumber(number));
      softly
          .assertThat(PhoneNumbers.isMobile(number))
          .as("mobile: %s", number)
          .isEqualTo(PhoneNumbers.isMobileByLibphonenumber(number));
    }
    softly.assertAll();
  }

  @Test
  void decidesTheCommonFormsItself() {
    assertThat(BrazilianNumbers.typeOf("+5511987654321")).isEqualTo(BrazilianNumbers.Type.MOBILE);
    assertThat(BrazilianNumbers.typeOf("+551133334444"))
        .isEqualTo(BrazilianNumbers.Type.FIXED_LINE);
    assertThat(BrazilianNumbers.typeOf("+5511087654321")).isEqualTo(BrazilianNumbers.Type.INVALID);
    assertThat(BrazilianNumbers.typeOf("+558001234567"))
        .isEqualTo(BrazilianNumbers.Type.NOT_DECIDED); // toll-free: libphonenumber's
    assertThat(BrazilianNumbers.typeOf("+55 11 98765-4321"))
        .isEqualTo(BrazilianNumbers.Type.NOT_DECIDED);
  }

  /** A Brazilian number of a random DDD, mobile or landline, valid or not. */
  private String mobileOrLandline() {
    String ddd = String.format("%02d", 10 + random.nextInt(90));
    return random.nextBoolean()
        ? "+55" + ddd + random.nextInt(10) + digits(8)
        : "+55" + ddd + random.nextInt(10) + digits(7);
  }

  /** The number as people and systems also write it, or another country's, or nonsense. */
  private String otherForm(String e164) {
    String national = e164.substring(3);
    return switch (random.nextInt(10)) {
      case 0 -> "+55 (" + national.substring(0, 2) + ") " + national.substring(2);
      case 1 ->
          "+55 "
              + national.substring(0, 2)
              + " "
              + national.substring(2, 7)
              + "-"
              + national.substring(7);
      case 2 -> "+550" + national; // the trunk prefix libphonenumber strips
      case 3 -> "+55015" + national; // the trunk prefix and a carrier code (15)
      case 4 -> e164.substring(1); // without its +
      case 5 -> e164 + random.nextInt(10);
      case 6 -> e164.substring(0, e164.length() - 1);
      case 7 -> "+" + (1 + random.nextInt(998)) + digits(6 + random.nextInt(8));
      case 8 -> e164.replace('5', (char) ('0' + random.nextInt(10)));
      default -> e164;
    };
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
