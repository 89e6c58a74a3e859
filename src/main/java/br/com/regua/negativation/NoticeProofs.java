package br.com.regua.negativation;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactOutcome;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.ContactService.Attempt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether the prior notice of negativation (CDC art. 43 §2) is proven, and from when its wait
 * counts. A letter is proven by its mailing (STJ Súmula 404: no receipt needed); an electronic
 * notice only by its delivery receipt, from the delivery (STJ Tema 1.315, March 2026). An
 * electronic notice still unproven when the model's wait for its receipt ends calls for a letter; a
 * debt whose letter could not be mailed either is not negativated.
 */
@Service
public class NoticeProofs {

  /** What the journey does next (the model branches on these names). */
  public enum Status {
    /** Proven: the state's wait counts from {@link Proof#provenAt()}. */
    PROVEN,
    /** An electronic notice waits for its delivery receipt: check again later. */
    PENDING,
    /** No proof and no more waiting for one: mail the notice as a letter. */
    LETTER_NEEDED,
    /** Even the letter could not be mailed: no negativation (the timeline says why). */
    UNPROVABLE
  }

  public record Proof(Status status, Instant provenAt) {}

  /** Receipts that prove an electronic message reached the debtor. */
  private static final Set<String> DELIVERED = Set.of("DELIVERED", "READ");

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("America/Sao_Paulo"));

  private final ContactService contacts;
  private final DebtRepository debts;
  private final TransactionTemplate tx;
  private final Clock clock;

  NoticeProofs(ContactService contacts, DebtRepository debts, TransactionTemplate tx, Clock clock) {
    this.contacts = contacts;
    this.debts = debts;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Judges the debt's notices; records the proof (once) or why there is none on the timeline.
   *
   * @param receiptWait how long an electronic notice may wait for its delivery receipt
   */
  public Proof check(String debtId, Duration receiptWait) {
    return tx.execute(
        status -> {
          debts.lock(debtId);
          Instant now = clock.instant();
          List<Attempt> notices = contacts.attempts(debtId, NegativationModel.NOTICE_TEMPLATE);
          Optional<Attempt> proven =
              notices.stream()
                  .filter(NoticeProofs::proven)
                  .min(Comparator.comparing(NoticeProofs::provenAt));
          if (proven.isPresent()) {
            Instant at = provenAt(proven.get());
            if (!debts.hasEvent(debtId, DebtEventType.NOTICE_PROVEN)) {
              debts.addEvent(debtId, DebtEventType.NOTICE_PROVEN, describe(proven.get()), now);
            }
            return new Proof(Status.PROVEN, at);
          }
          boolean letterTried = notices.stream().anyMatch(n -> n.channel() == Channel.LETTER);
          Optional<Instant> firstElectronic =
              notices.stream()
                  .filter(n -> n.channel() != Channel.LETTER && n.outcome() == ContactOutcome.SENT)
                  .map(Attempt::at)
                  .findFirst();
          if (!letterTried
              && firstElectronic.isPresent()
              && now.isBefore(firstElectronic.get().plus(receiptWait))) {
            return new Proof(Status.PENDING, null);
          }
          if (!letterTried) {
            return new Proof(Status.LETTER_NEEDED, null);
          }
          if (!debts.hasEvent(debtId, DebtEventType.NEGATIVATION_SKIPPED)) {
            debts.addEvent(
                debtId,
                DebtEventType.NEGATIVATION_SKIPPED,
                "aviso prévio sem comprovação: nenhuma confirmação de entrega e a carta não foi"
                    + " enviada (STJ Tema 1.315; CDC art. 43 §2º)",
                now);
          }
          return new Proof(Status.UNPROVABLE, null);
        });
  }

  /** Whether the debt has a proven notice at all: the bureau's last guard. */
  public boolean isProven(String debtId) {
    return contacts.attempts(debtId, NegativationModel.NOTICE_TEMPLATE).stream()
        .anyMatch(NoticeProofs::proven);
  }

  private static boolean proven(Attempt notice) {
    if (notice.outcome() != ContactOutcome.SENT) {
      return false;
    }
    return notice.channel() == Channel.LETTER
        || (notice.deliveryStatus() != null
            && DELIVERED.contains(notice.deliveryStatus())
            && notice.deliveryAt() != null);
  }

  private static Instant provenAt(Attempt notice) {
    return notice.channel() == Channel.LETTER ? notice.at() : notice.deliveryAt();
  }

  private static String describe(Attempt notice) {
    String by =
        notice.channel() == Channel.LETTER
            ? "carta postada em " + WHEN.format(notice.at())
            : notice.channel()
                + " enviado em "
                + WHEN.format(notice.at())
                + ", entrega confirmada em "
                + WHEN.format(notice.deliveryAt());
    return "Aviso prévio comprovado: "
        + by
        + (notice.providerMessageId() != null
            ? " (id do provedor " + notice.providerMessageId() + ")"
            : "");
  }
}
