package br.com.regua.payment.boleto;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.money.Money;
import br.com.regua.payment.InstrumentCancellations;
import br.com.regua.payment.PaidThrough;
import br.com.regua.payment.Reconciliation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a bank's CNAB 240 return file: each liquidation as a payment of the debt its nosso número
 * (as registered with the debt's boleto) or seu número (or the creditor's own id of the title)
 * names, each write-off (baixa) recorded. Every line is idempotent on its own — a liquidation's
 * payment id is its bank and nosso número, a write-off is one row per bank, nosso número, movement
 * and date — so the same file twice changes nothing and answers "duplicate" for what it applied the
 * first time.
 */
@Service
public class BoletoReturns {

  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  /** FEBRABAN movement codes of a return: liquidation, liquidation after write-off, write-off. */
  static final Set<String> LIQUIDATIONS = Set.of("06", "17");

  static final String WRITE_OFF = "09";

  private final Reconciliation reconciliation;
  private final InstrumentCancellations cancellations;
  private final DebtRepository debts;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  BoletoReturns(
      Reconciliation reconciliation,
      InstrumentCancellations cancellations,
      DebtRepository debts,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {
    this.reconciliation = reconciliation;
    this.cancellations = cancellations;
    this.debts = debts;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * What became of one line (or one title's two lines).
   *
   * @param status applied, refund_proposed, duplicate, unmatched, written_off, ignored, rejected
   */
  public record Line(
      int line,
      Integer lineU,
      String status,
      String movement,
      String ourNumber,
      String yourNumber,
      String debtId,
      String amount,
      String reason) {}

  /** The answer to a file: its SHA-256, a line per title or rejected line, and the totals. */
  public record Report(
      String sha256, int timesReceived, Map<String, Integer> totals, List<Line> lines) {}

  public Report receive(byte[] content, String fileName) {
    String sha256 = sha256(content);
    Cnab240Return parsed;
    try {
      // CNAB files are single-byte text; Latin-1 reads every byte as one character
      parsed = Cnab240Return.parse(new String(content, StandardCharsets.ISO_8859_1));
    } catch (Cnab240Return.NotAReturnFile e) {
      throw new InvalidFieldException("file", e.getMessage());
    }
    int times = recordFile(sha256, fileName);
    List<Line> lines = new ArrayList<>();
    for (Cnab240Return.Title title : parsed.titles()) {
      lines.add(tx.execute(status -> apply(title, sha256)));
    }
    for (Cnab240Return.Rejected rejected : parsed.rejected()) {
      lines.add(
          new Line(
              rejected.line(), null, "rejected", null, null, null, null, null, rejected.reason()));
    }
    lines.sort(Comparator.comparingInt(Line::line));
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (String status :
        List.of(
            "applied",
            "refund_proposed",
            "duplicate",
            "unmatched",
            "written_off",
            "ignored",
            "rejected")) {
      totals.put(status, (int) lines.stream().filter(l -> l.status().equals(status)).count());
    }
    return new Report(sha256, times, totals, lines);
  }

  private Line apply(Cnab240Return.Title title, String sha256) {
    Optional<String> debtId = debtOf(title);
    if (LIQUIDATIONS.contains(title.movement())) {
      return liquidation(title, debtId);
    }
    if (title.movement().equals(WRITE_OFF)) {
      return writeOff(title, debtId, sha256);
    }
    return line(title, "ignored", debtId.orElse(null), "movement " + title.movement());
  }

  private Line liquidation(Cnab240Return.Title title, Optional<String> debtId) {
    if (title.paidCents() <= 0) {
      return line(title, "rejected", null, "a liquidation with no amount paid (positions 78-92)");
    }
    LocalDate paidOn = title.occurredOn() != null ? title.occurredOn() : title.creditedOn();
    if (paidOn == null) {
      return line(title, "rejected", null, "a liquidation with no date (positions 138-145)");
    }
    Reconciliation.Result result =
        reconciliation.apply(
            new Reconciliation.Incoming(
                paymentId(title),
                PaidThrough.BOLETO,
                "BOLETO",
                title.yourNumber().isEmpty() ? title.ourNumber() : title.yourNumber(),
                null,
                title.paidCents(),
                title.chargesCents(),
                paidOn.atStartOfDay(SAO_PAULO).toInstant()),
            debtId);
    String reason =
        result.refundCents() > 0
            ? Money.toReais(result.refundCents()) + " proposed for refund"
            : null;
    return line(title, result.outcome().name().toLowerCase(), result.debtId(), reason);
  }

  /** The bank wrote the title off (baixa): recorded once, and the debt's instruction fulfilled. */
  private Line writeOff(Cnab240Return.Title title, Optional<String> debtId, String sha256) {
    LocalDate on =
        title.occurredOn() != null ? title.occurredOn() : LocalDate.now(clock.withZone(SAO_PAULO));
    Instant now = clock.instant();
    int inserted =
        jdbc.sql(
                """
                insert into boleto_movement (bank, our_number, movement, occurred_on, debt_id,
                                             your_number, file_sha256, line_number, recorded_at)
                values (:bank, :ourNumber, :movement, :on, :debtId, :yourNumber, :sha, :line, :now)
                on conflict (bank, our_number, movement, occurred_on) do nothing
                """)
            .param("bank", title.bank())
            .param("ourNumber", title.ourNumber())
            .param("movement", title.movement())
            .param("on", on)
            .param("debtId", debtId.orElse(null))
            .param("yourNumber", title.yourNumber())
            .param("sha", sha256)
            .param("line", title.lineT())
            .param("now", Timestamp.from(now))
            .update();
    if (inserted == 0) {
      return line(title, "duplicate", debtId.orElse(null), null);
    }
    debtId.ifPresent(
        id -> {
          debts.addEvent(
              id,
              DebtEventType.BOLETO_WRITTEN_OFF,
              "Baixa do boleto nosso número " + title.ourNumber() + " (banco " + title.bank() + ")",
              now);
          cancellations.confirm(id, "BOLETO", now);
        });
    return line(title, "written_off", debtId.orElse(null), null);
  }

  /**
   * The debt a title names: the one whose boleto the creditor registered with this bank and nosso
   * número, else the debt its seu número names, else its creditor's own id of the title.
   */
  private Optional<String> debtOf(Cnab240Return.Title title) {
    String ourNumber = RegisterDebtRequest.BoletoReference.canonicalOurNumber(title.ourNumber());
    if (ourNumber != null) {
      List<String> registered =
          jdbc.sql(
                  """
                  select debt_id from debt
                   where boleto_our_number = :ourNumber and left(boleto_barcode, 3) = :bank
                   limit 2
                  """)
              .param("ourNumber", ourNumber)
              .param("bank", title.bank())
              .query(String.class)
              .list();
      if (registered.size() == 1) {
        return Optional.of(registered.getFirst());
      }
    }
    for (String candidate : List.of(title.yourNumber(), title.companyId())) {
      if (candidate.isEmpty()) {
        continue;
      }
      Optional<String> found =
          jdbc.sql("select debt_id from debt where debt_id = :id")
              .param("id", candidate)
              .query(String.class)
              .optional();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** One liquidation per title: {@code cnab-<bank>-<nosso número>}, within the id's alphabet. */
  static String paymentId(Cnab240Return.Title title) {
    return "cnab-" + title.bank() + "-" + title.ourNumber().replaceAll("[^A-Za-z0-9._-]", "");
  }

  private static Line line(Cnab240Return.Title title, String status, String debtId, String reason) {
    return new Line(
        title.lineT(),
        title.lineU(),
        status,
        title.movement(),
        title.ourNumber(),
        title.yourNumber(),
        debtId,
        Money.toDecimal(title.paidCents()),
        reason);
  }

  private int recordFile(String sha256, String fileName) {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            insert into boleto_return_file
              (sha256, file_name, first_received, last_received, times_received)
            values (:sha, :name, :now, :now, 1)
            on conflict (sha256) do update
               set last_received = excluded.last_received,
                   times_received = boleto_return_file.times_received + 1
            returning times_received
            """)
        .param("sha", sha256)
        .param("name", fileName)
        .param("now", Timestamp.from(now))
        .query(Integer.class)
        .single();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
