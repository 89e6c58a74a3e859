package br.com.regua.payment.boleto;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A bank's CNAB 240 return file for boletos ("retorno de cobrança"), FEBRABAN layout 240, as far as
 * reconciliation needs it: each title's segment T (identification, nosso número, movement code) and
 * the segment U after it (amounts paid, dates). Positions are 1-based and inclusive, as the
 * FEBRABAN manual writes them:
 *
 * <pre>
 * every line      1-3 bank, 4-7 batch, 8 record type (0 file header, 1 batch header, 3 detail,
 *                 5 batch trailer, 9 file trailer), 14 detail segment
 * file header     143 file code: 1 remessa, 2 retorno
 * segment T       16-17 movement code (06 liquidação, 09 baixa, 17 liquidação após baixa),
 *                 38-57 nosso número, 59-73 seu número (número do documento),
 *                 74-81 due date DDMMAAAA, 82-96 face value (13 + 2 decimals),
 *                 106-130 the creditor's own id of the title (uso da empresa)
 * segment U       16-17 movement code, 18-32 interest, fine and charges, 33-47 discount,
 *                 48-62 rebate, 78-92 amount paid, 93-107 net amount credited,
 *                 138-145 date of the event DDMMAAAA, 146-153 date of the credit DDMMAAAA
 * </pre>
 *
 * A line that breaks the layout is rejected with its number and why; the rest of the file is read.
 */
public record Cnab240Return(List<Title> titles, List<Rejected> rejected) {

  /** One title's segments T and U, with the numbers of their lines (1-based). */
  public record Title(
      int lineT,
      int lineU,
      String bank,
      String movement,
      String ourNumber,
      String yourNumber,
      String companyId,
      LocalDate dueDate,
      long faceValueCents,
      long chargesCents,
      long paidCents,
      long creditedCents,
      LocalDate occurredOn,
      LocalDate creditedOn) {}

  /** A line that breaks the layout. */
  public record Rejected(int line, String reason) {}

  /** Thrown when the file as a whole is not a CNAB 240 return. */
  public static final class NotAReturnFile extends RuntimeException {
    NotAReturnFile(String message) {
      super(message);
    }
  }

  static final int LENGTH = 240;

  public static Cnab240Return parse(String content) {
    List<String> lines = new ArrayList<>(List.of(content.split("\r?\n", -1)));
    // a final line break, or DOS's end-of-file mark after it, ends the last line, not a new one
    while (!lines.isEmpty()
        && (lines.get(lines.size() - 1).isEmpty()
            || lines.get(lines.size() - 1).equals("\u001a"))) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new NotAReturnFile("the file is empty");
    }
    String first = lines.get(0);
    if (first.length() == LENGTH && first.charAt(7) == '0' && first.charAt(142) != '2') {
      throw new NotAReturnFile(
          "line 1 is the header of a remessa (file code '"
              + first.charAt(142)
              + "' at position 143), not of a retorno ('2')");
    }
    List<Title> titles = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    PendingT pending = null;
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i);
      if (pending != null && !isSegment(line, 'U')) {
        rejected.add(new Rejected(pending.line(), "segment T without its segment U after it"));
        pending = null;
      }
      if (line.length() != LENGTH) {
        rejected.add(new Rejected(number, "has " + line.length() + " characters, not " + LENGTH));
        continue;
      }
      char type = line.charAt(7);
      if ("0159".indexOf(type) >= 0) {
        continue; // headers and trailers: nothing to apply
      }
      if (type != '3') {
        rejected.add(new Rejected(number, "record type '" + type + "' at position 8 is unknown"));
        continue;
      }
      char segment = line.charAt(13);
      if (segment == 'T') {
        pending = new PendingT(number, line);
      } else if (segment == 'U') {
        if (pending == null) {
          rejected.add(new Rejected(number, "segment U without a segment T before it"));
          continue;
        }
        PendingT t = pending;
        pending = null;
        try {
          titles.add(title(t, number, line));
        } catch (FieldException e) {
          // both lines of the title are reported: the one at fault says why
          int other = e.line == number ? t.line() : number;
          rejected.add(new Rejected(e.line, "segment " + e.segment + ": " + e.getMessage()));
          rejected.add(
              new Rejected(
                  other,
                  "segment "
                      + (other == number ? 'U' : 'T')
                      + " of a title rejected on line "
                      + e.line));
        }
      }
      // other segments (Y and the banks' own) carry nothing reconciliation needs
    }
    if (pending != null) {
      rejected.add(new Rejected(pending.line(), "segment T without its segment U after it"));
    }
    rejected.sort(java.util.Comparator.comparingInt(Rejected::line));
    return new Cnab240Return(List.copyOf(titles), List.copyOf(rejected));
  }

  private record PendingT(int line, String text) {}

  private static boolean isSegment(String line, char segment) {
    return line.length() == LENGTH && line.charAt(7) == '3' && line.charAt(13) == segment;
  }

  private static Title title(PendingT t, int lineU, String u) {
    String movement = digits(t, "movement code", 16, 17);
    String ourNumber = field(t.text(), 38, 57).strip();
    if (ourNumber.isEmpty()) {
      throw new FieldException(t.line(), 'T', "nosso número (positions 38-57) is blank");
    }
    if (!field(u, 1, 3).equals(field(t.text(), 1, 3))) {
      throw new FieldException(lineU, 'U', "bank (positions 1-3) differs from its segment T's");
    }
    PendingT segmentU = new PendingT(lineU, u);
    return new Title(
        t.line(),
        lineU,
        field(t.text(), 1, 3),
        movement,
        ourNumber,
        field(t.text(), 59, 73).strip(),
        field(t.text(), 106, 130).strip(),
        date(t, "due date", 74, 81),
        amount(t, "face value", 82, 96),
        amount(segmentU, "interest, fine and charges", 18, 32),
        amount(segmentU, "amount paid", 78, 92),
        amount(segmentU, "net amount credited", 93, 107),
        date(segmentU, "date of the event", 138, 145),
        date(segmentU, "date of the credit", 146, 153));
  }

  private static String field(String line, int from, int to) {
    return line.substring(from - 1, to);
  }

  private static String digits(PendingT line, String name, int from, int to) {
    String value = field(line.text(), from, to);
    if (!value.matches("\\d+")) {
      throw new FieldException(
          line.line(),
          segmentOf(line),
          name + " (positions " + from + "-" + to + ") is '" + value + "', not digits");
    }
    return value;
  }

  private static long amount(PendingT line, String name, int from, int to) {
    return Long.parseLong(digits(line, name, from, to));
  }

  /** A date DDMMAAAA; zeros (no date) are null. */
  private static LocalDate date(PendingT line, String name, int from, int to) {
    String value = digits(line, name, from, to);
    if (value.equals("00000000")) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(value.substring(4)),
          Integer.parseInt(value.substring(2, 4)),
          Integer.parseInt(value.substring(0, 2)));
    } catch (DateTimeException e) {
      throw new FieldException(
          line.line(),
          segmentOf(line),
          name + " (positions " + from + "-" + to + ") '" + value + "' is not a date DDMMAAAA");
    }
  }

  private static char segmentOf(PendingT line) {
    return line.text().charAt(13);
  }

  private static final class FieldException extends RuntimeException {
    final int line;
    final char segment;

    FieldException(int line, char segment, String message) {
      super(message);
      this.line = line;
      this.segment = segment;
    }
  }
}
