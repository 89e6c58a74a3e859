package br.com.regua.debt;

import br.com.regua.api.ConflictException;
import br.com.regua.api.InvalidFieldException;
import br.com.regua.api.NotFoundException;
import br.com.regua.brazil.TaxId;
import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.charge.boleto.Boleto;
import br.com.regua.charge.pix.PixQrCode;
import br.com.regua.consent.Channel;
import br.com.regua.consent.ChannelConsents;
import br.com.regua.dispute.DisputeService;
import br.com.regua.engine.Journeys;
import br.com.regua.money.Money;
import br.com.regua.payment.PaymentService;
import br.com.regua.promise.PromiseService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers debts and starts their journeys; reads them back with their timeline. */
@Service
public class DebtService {

  private static final Logger log = LoggerFactory.getLogger(DebtService.class);

  private final DebtRepository debts;
  private final Journeys journeys;
  private final ChannelConsents consents;
  private final PaymentOptionsService paymentOptions;
  private final PaymentService payments;
  private final PromiseService promises;
  private final DisputeService disputes;
  private final TransactionTemplate tx;
  private final Clock clock;

  DebtService(
      DebtRepository debts,
      Journeys journeys,
      ChannelConsents consents,
      PaymentOptionsService paymentOptions,
      PaymentService payments,
      PromiseService promises,
      DisputeService disputes,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.payments = payments;
    this.promises = promises;
    this.disputes = disputes;
    this.journeys = journeys;
    this.consents = consents;
    this.paymentOptions = paymentOptions;
    this.tx = tx;
    this.clock = clock;
  }

  /** What a registration did: created the debt, or found the same one already there. */
  public record Registration(DebtView debt, boolean created) {}

  /**
   * Stores the debt, then starts its journey. The same request again finds the stored debt and
   * returns it (starting the journey if the first attempt stored the debt but could not reach the
   * engine); the same id with other content is a conflict.
   */
  public Registration register(RegisterDebtRequest request) {
    Stored stored = store(request);
    if (stored.debt().processInstanceKey() == null) {
      try {
        startJourney(stored.debt().debtId());
      } catch (RuntimeException e) {
        // the debt is stored: PendingJourneys starts its journey when the engine answers
        log.warn("Journey of debt {} not started now: {}", stored.debt().debtId(), e.getMessage());
      }
    }
    // payments that arrived before the debt (a repeated registration applies what a crash left)
    payments.applyUnmatched(stored.debt().debtId());
    return new Registration(view(stored.debt().debtId()), stored.created());
  }

  /**
   * Stores the debt as {@link #register} does and applies the payments that came before it, but
   * leaves its journey to {@link PendingJourneys}, which starts it within moments: a bulk load is
   * not held to the engine's pace ({@code POST /api/debts:batch}). True when the debt is new.
   */
  public boolean storeForLaterStart(RegisterDebtRequest request) {
    Stored stored = store(request);
    payments.applyUnmatched(stored.debt().debtId());
    return stored.created();
  }

  private record Stored(Debt debt, boolean created) {}

  /** The debt stored (or found again), or a conflict for the same id with other content. */
  private Stored store(RegisterDebtRequest request) {
    Debt candidate = toDebt(request, clock.instant());
    boolean created =
        tx.execute(
            status -> {
              debts
                  .findDebtorContacts(candidate.debtor().document())
                  .ifPresent(before -> reachableAgainIfChanged(before, candidate.debtor()));
              debts.upsertDebtor(candidate.debtor(), candidate.registeredAt());
              if (Boolean.TRUE.equals(request.debtor().whatsappOptIn())) {
                // an earlier opt-out stays: it is final
                consents.optIn(
                    candidate.debtor().document(), Channel.WHATSAPP, candidate.registeredAt());
              }
              boolean inserted = debts.insertIfAbsent(candidate);
              if (inserted) {
                debts.addEvent(
                    candidate.debtId(),
                    DebtEventType.REGISTERED,
                    "Dívida de " + Money.toReais(candidate.amountCents()),
                    candidate.registeredAt());
              }
              return inserted;
            });
    Debt stored = debts.find(candidate.debtId()).orElseThrow();
    if (!created && !stored.registrationFingerprint().equals(candidate.registrationFingerprint())) {
      throw new ConflictException(
          "debtId", "debt " + candidate.debtId() + " is already registered with different content");
    }
    return new Stored(stored, created);
  }

  public DebtView view(String debtId) {
    Debt debt = debts.find(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
    return DebtView.of(debt, paymentOptions(debt), debts.timeline(debtId));
  }

  /** How the debt can be paid now; null once nothing is owed or the debt has ended. */
  private PaymentOptions paymentOptions(Debt debt) {
    if (!debt.status().isOpen() || debt.openBalanceCents() == 0) {
      return null;
    }
    return paymentOptions.of(
        debt.debtId(), debt.paymentToken(), debt.openBalanceCents(), debt.boleto());
  }

  /** The QR code of the debt's PIX charge, as a PNG; 404 when it has no PIX option now. */
  public byte[] pixQrCode(String debtId) {
    Debt debt = debts.find(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
    PaymentOptions options = paymentOptions(debt);
    if (options == null || options.pixCopyAndPaste() == null) {
      throw new NotFoundException("debt " + debtId + " has no PIX payment option now");
    }
    return PixQrCode.png(options.pixCopyAndPaste());
  }

  /** Ends an open debt's journey with the given status; idempotent. */
  public void close(String debtId, DebtStatus status) {
    tx.executeWithoutResult(
        s -> {
          Instant now = clock.instant();
          if (debts.closeIfOpen(debtId, status, now)) {
            debts.addEvent(debtId, DebtEventType.valueOf(status.name()), null, now);
          }
        });
  }

  /**
   * Starts the journeys of open debts that were stored but whose journey did not start (the engine
   * was unreachable, or the service stopped between the two), registered before {@code before}.
   * Stops at the first failure: the engine is likely still down. Returns how many started.
   */
  public int startPendingJourneys(Instant before, int limit) {
    int started = 0;
    int failedInARow = 0;
    for (String debtId : debts.withoutJourney(before, limit)) {
      try {
        startJourney(debtId);
        started++;
        failedInARow = 0;
      } catch (RuntimeException e) {
        log.warn("Journey of debt {} still not started: {}", debtId, e.getMessage());
        // one debt the engine refuses must not hold back the others; several in a row mean the
        // engine is away, and the next round tries again
        if (++failedInARow == FAILURES_MEANING_ENGINE_AWAY) {
          break;
        }
      }
    }
    return started;
  }

  private static final int FAILURES_MEANING_ENGINE_AWAY = 3;

  /**
   * Starts the journey under the debt's row lock, so two identical registrations racing each other
   * start one journey, not two.
   */
  private void startJourney(String debtId) {
    tx.executeWithoutResult(
        s -> {
          Debt debt = debts.lock(debtId).orElseThrow();
          if (debt.processInstanceKey() != null) {
            return;
          }
          Journeys.Started journey = journeys.begin(debt, LocalDate.now(clock));
          long key = journey.processInstanceKey();
          debts.setProcessInstanceKey(debtId, key);
          debts.setJourneyVersion(debtId, journey.processDefinitionKey(), journey.version());
          debts.addEvent(
              debtId, DebtEventType.JOURNEY_STARTED, "instância " + key, clock.instant());
          log.info("Journey {} started for debt {}", key, debtId);
          resumeWhereItStood(debt, key);
        });
  }

  /**
   * A journey started again for a debt that had one (see {@link #forgetLostJourneys}) is told what
   * holds now: an active promise suspends it, an open dispute opens the review again. Steps whose
   * day has passed are skipped by the model, and a step already made today is not made twice
   * (contacts and negativations are idempotent by debt and step).
   */
  private void resumeWhereItStood(Debt debt, long key) {
    promises.tellNewJourney(debt.debtId(), key);
    disputes.tellNewJourney(debt.debtId(), key);
  }

  /**
   * Forgets the journey of every open debt whose journey the engine no longer runs, so that {@link
   * PendingJourneys} starts a new one where the debt stood. In embedded mode the engine keeps its
   * state in memory: after a restart no journey survives, and PostgreSQL (the system of record)
   * says where each debt stood. Returns the debts concerned.
   */
  public List<String> forgetLostJourneys(Set<Long> liveInstances) {
    List<String> lost = new ArrayList<>();
    for (DebtRepository.JourneyRef journey : debts.openWithJourney()) {
      if (liveInstances.contains(journey.processInstanceKey())) {
        continue;
      }
      tx.executeWithoutResult(
          s -> {
            debts.clearProcessInstanceKey(journey.debtId(), journey.processInstanceKey());
            debts.addEvent(
                journey.debtId(),
                DebtEventType.JOURNEY_LOST,
                "instância " + journey.processInstanceKey() + " não existe mais no motor",
                clock.instant());
          });
      lost.add(journey.debtId());
    }
    return lost;
  }

  /** A new email or phone may be reachable where the old one bounced or was invalid. */
  private void reachableAgainIfChanged(
      DebtRepository.DebtorContacts before, Debt.DebtorRecord now) {
    if (!before.email().equalsIgnoreCase(now.email())) {
      consents.clearUnreachable(now.document(), List.of(Channel.EMAIL));
    }
    if (!before.phone().equals(now.phone())) {
      consents.clearUnreachable(now.document(), List.of(Channel.SMS, Channel.WHATSAPP));
    }
  }

  private static Debt toDebt(RegisterDebtRequest request, Instant now) {
    RegisterDebtRequest.Debtor d = request.debtor();
    Debt.DebtorRecord debtor =
        new Debt.DebtorRecord(
            TaxId.parse(d.document()).digits(),
            d.name().strip(),
            d.email().strip(),
            d.phone(),
            d.state(),
            toAddress(d.address()));
    long cents = Money.parseCents(request.amount());
    Boleto boleto = boleto(request.boleto(), cents);
    return new Debt(
        request.debtId(),
        debtor,
        cents,
        cents,
        request.dueDate(),
        DebtStatus.ACTIVE,
        UUID.randomUUID(),
        fingerprint(request.debtId(), debtor, cents, boleto, request),
        null,
        now,
        request.propensityScore(),
        request.latePaymentCount() == null ? 0 : request.latePaymentCount(),
        null,
        request.dueDate(),
        boleto);
  }

  /**
   * The registered boleto, its check digits already validated. Its amount, when it has one, must be
   * the debt's: a boleto for another amount would charge the debtor wrongly in every reminder.
   */
  private static Boleto boleto(RegisterDebtRequest.BoletoReference reference, long debtCents) {
    if (reference == null) {
      return null;
    }
    Boleto boleto = reference.toBoleto();
    if (boleto.amountCents() != 0 && boleto.amountCents() != debtCents) {
      throw new InvalidFieldException(
          reference.field(),
          "the boleto is for "
              + Money.toDecimal(boleto.amountCents())
              + ", the debt for "
              + Money.toDecimal(debtCents));
    }
    return boleto;
  }

  /**
   * The boleto joins the hash only when given, so debts registered before boletos existed keep
   * their fingerprint and their repeated registrations stay idempotent.
   */
  private static Debt.PostalAddress toAddress(RegisterDebtRequest.Address a) {
    if (a == null) {
      return null;
    }
    String complement = a.complement() == null || a.complement().isBlank() ? null : a.complement();
    return new Debt.PostalAddress(
        a.street().strip(),
        a.number().strip(),
        complement == null ? null : complement.strip(),
        a.district().strip(),
        a.city().strip(),
        a.state(),
        a.postalCode().replace("-", ""));
  }

  private static String canonical(Debt.PostalAddress a) {
    return String.join(
        "\u001f",
        a.street(),
        a.number(),
        String.valueOf(a.complement()),
        a.district(),
        a.city(),
        a.state().name(),
        a.postalCode());
  }

  private static String fingerprint(
      String debtId,
      Debt.DebtorRecord debtor,
      long cents,
      Boleto boleto,
      RegisterDebtRequest request) {
    String canonical =
        String.join(
            "\u001f",
            debtId,
            debtor.document(),
            debtor.name(),
            debtor.email(),
            debtor.phone(),
            debtor.state().name(),
            Long.toString(cents),
            request.dueDate().toString(),
            String.valueOf(request.propensityScore()),
            String.valueOf(request.latePaymentCount()));
    if (boleto != null) {
      canonical += "\u001f" + boleto.barcode();
    }
    // appended only when present, so fingerprints stored before addresses existed still match
    if (debtor.address() != null) {
      canonical += "\u001f" + canonical(debtor.address());
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
