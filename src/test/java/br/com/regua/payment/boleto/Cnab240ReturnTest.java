package br.com.regua.payment.boleto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CNAB 240 return parser against {@code cnab/retorno-001.ret}, built field by field from the
 * FEBRABAN layout by {@code cnab/make-fixtures.py}; the amounts and dates below were read off the
 * file's positions by hand (e.g. line 6, positions 78-92 "000000000020450": R$ 204,50).
 */
class Cnab240ReturnTest {

  static String fixture() throws IOException {
    try (InputStream in = Cnab240ReturnTest.class.getResourceAsStream("/cnab/retorno-001.ret")) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void readsEveryTitlesSegmentsTAndUAndRejectsTheLineCutShort() throws IOException {
    Cnab240Return parsed = Cnab240Return.parse(fixture());

    assertThat(parsed.titles()).hasSize(6);
    Cnab240Return.Title first = parsed.titles().get(0);
    assertThat(first.lineT()).isEqualTo(3);
    assertThat(first.lineU()).isEqualTo(4);
    assertThat(first.bank()).isEqualTo("001");
    assertThat(first.movement()).isEqualTo("06");
    assertThat(first.ourNumber()).isEqualTo("1234567000000001");
    assertThat(first.yourNumber()).isEqualTo("CNABT-0001");
    assertThat(first.companyId()).isEqualTo("CNABT-0001");
    assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(first.faceValueCents()).isEqualTo(150_00);
    assertThat(first.chargesCents()).isZero();
    assertThat(first.paidCents()).isEqualTo(150_00);
    assertThat(first.creditedCents()).isEqualTo(148_50);
    assertThat(first.occurredOn()).isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(first.creditedOn()).isEqualTo(LocalDate.of(2026, 12, 7));

    Cnab240Return.Title late = parsed.titles().get(1);
    assertThat(late.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(late.chargesCents()).isEqualTo(4_50);
    assertThat(late.paidCents()).isEqualTo(204_50);
    assertThat(late.occurredOn()).isEqualTo(LocalDate.of(2026, 12, 4));

    Cnab240Return.Title writeOff = parsed.titles().get(4);
    assertThat(writeOff.movement()).isEqualTo("09");
    assertThat(writeOff.paidCents()).isZero();
    assertThat(writeOff.creditedOn()).isNull(); // 00000000: no date

    assertThat(parsed.rejected())
        .containsExactly(new Cnab240Return.Rejected(13, "has 238 characters, not 240"));
  }

  @Test
  void aFieldThatBreaksTheLayoutRejectsItsTitleNamingLineAndPositions() throws IOException {
    List<String> lines = lines();
    lines.set(3, replace(lines.get(3), 138, "31022026")); // U of line 4: 31 February
    lines.set(5, replace(lines.get(5), 78, "00000000002O450")); // U of line 6: a letter O
    lines.set(6, replace(lines.get(6), 16, "0X")); // T of line 7: movement code

    Cnab240Return parsed = Cnab240Return.parse(String.join("\r\n", lines));

    assertThat(parsed.rejected())
        .containsExactly(
            new Cnab240Return.Rejected(3, "segment T of a title rejected on line 4"),
            new Cnab240Return.Rejected(
                4,
                "segment U: date of the event (positions 138-145) '31022026' is not a date"
                    + " DDMMAAAA"),
            new Cnab240Return.Rejected(5, "segment T of a title rejected on line 6"),
            new Cnab240Return.Rejected(
                6, "segment U: amount paid (positions 78-92) is '00000000002O450', not digits"),
            new Cnab240Return.Rejected(
                7, "segment T: movement code (positions 16-17) is '0X', not digits"),
            new Cnab240Return.Rejected(8, "segment U of a title rejected on line 7"),
            new Cnab240Return.Rejected(13, "has 238 characters, not 240"));
    assertThat(parsed.titles()).extracting(Cnab240Return.Title::lineT).containsExactly(9, 11, 14);
  }

  @Test
  void segmentsOutOfPairAndUnknownRecordsAreRejected() throws IOException {
    List<String> lines = lines();
    lines.remove(3); // line 4, the U of line 3: T without U
    lines.set(7, replace(lines.get(7), 8, "7")); // record type 7

    Cnab240Return parsed = Cnab240Return.parse(String.join("\n", lines));

    assertThat(parsed.rejected())
        .extracting(Cnab240Return.Rejected::line, Cnab240Return.Rejected::reason)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(3, "segment T without its segment U after it"),
            org.assertj.core.groups.Tuple.tuple(8, "record type '7' at position 8 is unknown"));
    // line 9 (was 10) is a U whose T (line 8) is no detail any more
    assertThat(parsed.rejected())
        .contains(new Cnab240Return.Rejected(9, "segment U without a segment T before it"));
  }

  @Test
  void aRemessaIsNotAReturn() throws IOException {
    List<String> lines = lines();
    lines.set(0, replace(lines.get(0), 143, "1"));
    assertThatThrownBy(() -> Cnab240Return.parse(String.join("\r\n", lines)))
        .isInstanceOf(Cnab240Return.NotAReturnFile.class)
        .hasMessageContaining("remessa");
    assertThatThrownBy(() -> Cnab240Return.parse("\r\n"))
        .isInstanceOf(Cnab240Return.NotAReturnFile.class)
        .hasMessage("the file is empty");
  }

  private static List<String> lines() throws IOException {
    return new ArrayList<>(List.of(fixture().split("\r\n")));
  }

  /** The line with {@code value} at 1-based {@code position}. */
  private static String replace(String line, int position, String value) {
    return line.substring(0, position - 1) + value + line.substring(position - 1 + value.length());
  }
}
