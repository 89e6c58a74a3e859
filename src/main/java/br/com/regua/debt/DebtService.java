package br.com.regua.debt;

import br.com.regua.api.ConflictException;
import br.com.regua.api.InvalidFieldException;
import br.com.regua.api.NotFoundException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.brazil.TaxId;
import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.charge.boleto.Boleto;
import br.com.regua.charge.pix.PixQrCode;
import br.com.regua.consent.Channel;
import br.com.regua.consent.ChannelConsents;
import br.com.regua.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The debt as the system of record keeps it: stores a registration (the debtor, their WhatsApp
 * opt-in), reads a debt back with its timeline and payment options, and closes it. Starting its
 * journey is {@code journey/DebtRegistration}'s.
 */
@Service
public class DebtService {

  private static final MessageDigest SHA_256;

  static {
    try {
      SHA_256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final ChannelConsents consents;
  private final PaymentOptionsService paymentOptions;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final RegistrationLimits limits;

  DebtService(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      ChannelConsents consents,
      PaymentOptionsService paymentOptions,
      RegistrationLimits limits,
      TransactionTemplate tx,
      Clock clock) {
    this.limits = limits;
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.consents = consents;
    this.paymentOptions = paymentOptions;
    this.tx = tx;
    this.clock = clock;
  }

  /** A debt as stored by {@link #store}: created now, or found again. */
  public record Stored(Debt debt, boolean created) {}

  /**
   * What {@link #storeAll} did with one row: created the debt, found the same one again, or refused
   * it ({@code refusal}: an {@link InvalidFieldException}, a {@link RuleViolationException} of the
   * {@link RegistrationLimits} or a {@link ConflictException}).
   */
  public record RowStored(String debtId, boolean created, RuntimeException refusal) {

    public boolean stored() {
      return refusal == null;
    }
  }

  /**
   * Stores the debt and its debtor (or finds the same debt again), or a conflict for the same id
   * with other content. Journeys are started by {@code journey/DebtRegistration}.
   */
  public Stored store(RegisterDebtRequest request) {
    RowStored row = storeAll(List.of(request)).getFirst();
    if (!row.stored()) {
      throw row.refusal();
    }
    return new Stored(debts.find(row.debtId()).orElseThrow(), row.created());
  }

  /**
   * Stores many registrations at once, with the outcome of each, as if each were {@link #store}d in
   * turn: a row with a wrong value or with another content under a stored id is refused, and the
   * others are stored all the same. One transaction and a few statements for the whole list,
   * whatever its length, so a bulk load goes at the database's pace rather than a round trip's.
   */
  public List<RowStored> storeAll(List<RegisterDebtRequest> requests) {
    Instant now = clock.instant();
    List<Object> rows = new ArrayList<>(requests.size()); // a Debt, or the refusal
    for (RegisterDebtRequest request : requests) {
      try {
        Debt debt = toDebt(request, now);
        limits.check(debt.dueDate(), debt.amountCents(), LocalDate.now(clock));
        rows.add(debt);
      } catch (InvalidFieldException | RuleViolationException e) {
        rows.add(e);
      }
    }
    List<Debt> candidates = new ArrayList<>();
    Set<String> optingIn = new LinkedHashSet<>(); // documents whose rows opt in to WhatsApp
    Map<String, String> ourNumbers = new HashMap<>(); // the boletos' nosso número, by debt id
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) instanceof Debt candidate) {
        candidates.add(candidate);
        RegisterDebtRequest.BoletoReference boleto = requests.get(i).boleto();
        if (boleto != null && boleto.canonicalOurNumber() != null) {
          ourNumbers.putIfAbsent(candidate.debtId(), boleto.canonicalOurNumber());
        }
        if (Boolean.TRUE.equals(requests.get(i).debtor().whatsappOptIn())) {
          optingIn.add(candidate.debtor().document());
        }
      }
    }
    Set<String> inserted =
        candidates.isEmpty()
            ? Set.of()
            : tx.execute(status -> insertAll(candidates, optingIn, ourNumbers, now));
    Map<String, String> stored = storedFingerprints(candidates, inserted);
    List<RowStored> outcomes = new ArrayList<>(rows.size());
    Set<String> createdByARow = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!(rows.get(i) instanceof Debt candidate)) {
        outcomes.add(
            new RowStored(requests.get(i).debtId(), false, (RuntimeException) rows.get(i)));
      } else if (inserted.contains(candidate.debtId()) && createdByARow.add(candidate.debtId())) {
        outcomes.add(new RowStored(candidate.debtId(), true, null));
      } else if (candidate.registrationFingerprint().equals(stored.get(candidate.debtId()))) {
        outcomes.add(new RowStored(candidate.debtId(), false, null));
      } else {
        outcomes.add(
            new RowStored(
                candidate.debtId(),
                false,
                new ConflictException(
                    "debtId",
                    "debt "
                        + candidate.debtId()
                        + " is already registered with different content")));
      }
    }
    return outcomes;
  }

  /**
   * The fingerprint stored under each candidate's id: the first row's where this call inserted it,
   * read back only for the ids that were there before.
   */
  private Map<String, String> storedFingerprints(List<Debt> candidates, Set<String> inserted) {
    Map<String, String> stored = new HashMap<>();
    Set<String> before = new LinkedHashSet<>();
    for (Debt candidate : candidates) {
      if (inserted.contains(candidate.debtId())) {
        stored.putIfAbsent(candidate.debtId(), candidate.registrationFingerprint());
      } else {
        before.add(candidate.debtId());
      }
    }
    if (!before.isEmpty()) {
      stored.putAll(debts.fingerprints(before));
    }
    return stored;
  }

  /**
   * The debtors as the last of their rows describes them (a debtor reachable again where a
   * registration changed the email or phone), their WhatsApp opt-ins, then every debt whose id is
   * new with its REGISTERED event. Returns the ids inserted.
   */
  private Set<String> insertAll(
      List<Debt> candidates, Set<String> optingIn, Map<String, String> ourNumbers, Instant now) {
    Map<String, DebtRepository.DebtorContacts> contacts =
        debts.findDebtorContacts(
            candidates.stream().map(d -> d.debtor().document()).distinct().toList());
    Map<String, Debt.DebtorRecord> debtors = new LinkedHashMap<>();
    Map<String, Debt> firstOfId = new LinkedHashMap<>();
    for (Debt candidate : candidates) {
      Debt.DebtorRecord debtor = candidate.debtor();
      DebtRepository.DebtorContacts before = contacts.get(debtor.document());
      if (before != null) {
        reachableAgainIfChanged(before, debtor);
      }
      contacts.put(
          debtor.document(), new DebtRepository.DebtorContacts(debtor.email(), debtor.phone()));
      debtors.remove(debtor.document()); // the last row's description, in the order of the rows
      debtors.put(debtor.document(), debtor);
      firstOfId.putIfAbsent(candidate.debtId(), candidate);
    }
    debts.upsertDebtors(debtors.values(), now);
    consents.optInAll(optingIn, Channel.WHATSAPP, now); // an earlier opt-out stays: it is final
    Set<String> inserted = debts.insertAllIfAbsent(firstOfId.values(), now);
    Map<String, String> newOurNumbers = new HashMap<>(ourNumbers);
    newOurNumbers.keySet().retainAll(inserted);
    if (!newOurNumbers.isEmpty()) {
      debts.setBoletoOurNumbers(newOurNumbers);
    }
    Map<String, String> details = new LinkedHashMap<>();
    for (Debt debt : firstOfId.values()) {
      if (inserted.contains(debt.debtId())) {
        details.put(debt.debtId(), "Dívida de " + Money.toReais(debt.amountCents()));
      }
    }
    if (!details.isEmpty()) {
      debts.addEvents(details, DebtEventType.REGISTERED, now);
    }
    return inserted;
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
    close(debtId, status, null);
  }

  /** {@link #close(String, DebtStatus)} with the timeline's detail (null for none). */
  public void close(String debtId, DebtStatus status, String detail) {
    tx.executeWithoutResult(
        s -> {
          Instant now = clock.instant();
          lifecycle.close(debtId, status, detail, now);
        });
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
            TaxId.parse(d.document()).value(),
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
    String ourNumber = request.boleto() == null ? null : request.boleto().canonicalOurNumber();
    if (ourNumber != null) {
      canonical += "\u001fnosso número " + ourNumber;
    }
    byte[] hash = sha256().digest(canonical.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash);
  }

  /** A copy of one SHA-256 digest: a bulk load hashes every row, and the lookup costs more. */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }
}
