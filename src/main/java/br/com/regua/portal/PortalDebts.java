package br.com.regua.portal;

import br.com.regua.agreement.AgreementOffers;
import br.com.regua.agreement.AgreementView;
import br.com.regua.agreement.AgreementViews;
import br.com.regua.agreement.OffersView;
import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.charge.pix.PixQrCode;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.money.Money;
import br.com.regua.promise.PromiseService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the portal shows a debtor whose identity is confirmed: each open debt with today's amount
 * (the offers' computation: fine, interest, discount), its Pix and boleto, the offers, the longest
 * promise the strategy allows; the active agreements' installments.
 */
@Service
public class PortalDebts {

  static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DebtRepository debts;
  private final AgreementOffers offers;
  private final AgreementViews agreements;
  private final PaymentOptionsService options;
  private final PromiseService promises;
  private final Clock clock;

  PortalDebts(
      DebtRepository debts,
      AgreementOffers offers,
      AgreementViews agreements,
      PaymentOptionsService options,
      PromiseService promises,
      Clock clock) {
    this.debts = debts;
    this.offers = offers;
    this.agreements = agreements;
    this.options = options;
    this.promises = promises;
    this.clock = clock;
  }

  public record OfferLine(
      String offerId, String title, String total, String detail, boolean fullPayment) {}

  public record DebtCard(
      int ref,
      String debtId,
      String status,
      boolean canAct,
      boolean canDispute,
      String dueDate,
      String originalAmount,
      String openBalance,
      String fine,
      String interest,
      String todayAmount,
      String pix,
      String pixQrDataUri,
      String pixAmount,
      String digitableLine,
      List<OfferLine> offers,
      String promiseMin,
      String promiseMax,
      String promiseMaxBr,
      int promiseMaxDays) {

    public boolean hasOffers() {
      return !offers.isEmpty();
    }
  }

  public record InstallmentLine(int number, String dueDate, String amount, String status) {}

  /**
   * An active agreement as the page shows it: its schedule, and the installment to pay now (the
   * first not paid in full, with what is still owed on it) with the Pix that pays it, or null when
   * every installment is paid or no PIX key is configured.
   */
  public record AgreementLine(
      String agreementId, String total, List<InstallmentLine> schedule, NextInstallment next) {}

  public record NextInstallment(
      int number, String dueDate, String amount, String pix, String pixQrDataUri) {}

  /** The open debts of the debtor, oldest due first; {@code ref} is the position in this list. */
  public List<Debt> openDebts(String document) {
    return debts.findByDebtor(document).stream().filter(d -> d.status().isOpen()).toList();
  }

  /**
   * Whether the debtor has anything to see and pay: an open debt, or an active agreement (whose
   * debts are renegotiated, not open, while its installments are owed).
   */
  public boolean anythingToPay(String document) {
    return !openDebts(document).isEmpty() || !agreements.activeOf(document).isEmpty();
  }

  /** A debt of the debtor, open or not; empty for another debtor's. */
  public Optional<Debt> debtOf(String document, String debtId) {
    return debts.findByDebtor(document).stream().filter(d -> d.debtId().equals(debtId)).findFirst();
  }

  public List<DebtCard> cards(String document) {
    List<DebtCard> cards = new ArrayList<>();
    List<Debt> open = openDebts(document);
    for (int i = 0; i < open.size(); i++) {
      cards.add(card(i, open.get(i)));
    }
    return cards;
  }

  /** The debt's ways to pay its open balance, as its card shows them. */
  public PaymentOptions paymentOptions(Debt debt) {
    return options.of(debt.debtId(), debt.paymentToken(), debt.openBalanceCents(), debt.boleto());
  }

  private DebtCard card(int ref, Debt debt) {
    LocalDate today = LocalDate.now(clock);
    PaymentOptions payment = paymentOptions(debt);
    Optional<OffersView> quote = quote(debt);
    String pix = payment.pixCopyAndPaste();
    int maxDays = debt.strategy() == null ? 0 : debt.strategy().promiseMaxDays();
    LocalDate promiseMax = today.plusDays(maxDays);
    boolean canAct = debt.status() == DebtStatus.ACTIVE;
    return new DebtCard(
        ref,
        debt.debtId(),
        statusLabel(debt),
        canAct,
        debt.status() != DebtStatus.DISPUTED,
        BR_DATE.format(debt.dueDate()),
        Money.toReais(debt.amountCents()),
        Money.toReais(debt.openBalanceCents()),
        quote
            .map(OffersView::fine)
            .filter(PortalDebts::positive)
            .map(PortalDebts::reais)
            .orElse(null),
        quote
            .map(OffersView::interest)
            .filter(PortalDebts::positive)
            .map(PortalDebts::reais)
            .orElse(null),
        quote.map(q -> reais(q.updatedAmount())).orElse(Money.toReais(debt.openBalanceCents())),
        pix,
        pix == null
            ? null
            : "data:image/png;base64," + Base64.getEncoder().encodeToString(PixQrCode.png(pix)),
        Money.toReais(debt.openBalanceCents()),
        payment.digitableLine(),
        canAct ? quote.map(PortalDebts::offerLines).orElse(List.of()) : List.of(),
        today.toString(),
        promiseMax.toString(),
        BR_DATE.format(promiseMax),
        maxDays);
  }

  private Optional<OffersView> quote(Debt debt) {
    try {
      return Optional.of(offers.offers(debt.debtId(), List.of()));
    } catch (RuntimeException e) {
      // a debt that takes no offer now (disputed, promised): today's amount is its balance
      return Optional.empty();
    }
  }

  private String statusLabel(Debt debt) {
    return switch (debt.status()) {
      case PROMISED ->
          promises
              .activePromise(debt.debtId())
              .map(p -> "Promessa de pagamento até " + BR_DATE.format(p.promisedDate()))
              .orElse("Promessa de pagamento registrada");
      case DISPUTED -> "Em contestação: a cobrança está suspensa até a análise";
      case NEGATIVATED -> "Em aberto (registrada em cadastro de crédito)";
      default -> debt.dueDate().isBefore(LocalDate.now(clock)) ? "Vencida, em aberto" : "A vencer";
    };
  }

  private static List<OfferLine> offerLines(OffersView view) {
    return view.offers().stream()
        .map(
            o -> {
              boolean full = o.kind().equals("FULL_PAYMENT");
              String discount =
                  o.discountPercent().equals("0")
                      ? ""
                      : " com " + o.discountPercent() + "% de desconto";
              String title =
                  full ? "À vista" + discount : o.installments() + " parcelas" + discount;
              String detail =
                  full
                      ? "Pagamento único até " + BR_DATE.format(o.firstDueDate())
                      : o.installments()
                          + "x de "
                          + reais(o.installmentAmount())
                          + ", a primeira em "
                          + BR_DATE.format(o.firstDueDate());
              return new OfferLine(o.offerId(), title, reais(o.total()), detail, full);
            })
        .toList();
  }

  public List<AgreementLine> agreements(String document) {
    return agreements.activeOf(document).stream().map(this::agreementLine).toList();
  }

  private AgreementLine agreementLine(AgreementView view) {
    List<InstallmentLine> schedule =
        view.schedule() == null
            ? List.of()
            : view.schedule().stream()
                .map(
                    i ->
                        new InstallmentLine(
                            i.number(),
                            BR_DATE.format(i.dueDate()),
                            reais(i.amount()),
                            switch (i.status()) {
                              case "PAID" -> "Paga";
                              case "LATE" -> "Atrasada";
                              default -> "A vencer";
                            }))
                .toList();
    return new AgreementLine(
        view.agreementId(), view.total() == null ? "" : reais(view.total()), schedule, next(view));
  }

  /** The first installment not paid in full, with the Pix of what is still owed on it. */
  private NextInstallment next(AgreementView view) {
    if (view.schedule() == null) {
      return null;
    }
    for (AgreementView.InstallmentView installment : view.schedule()) {
      long owed =
          Money.parseCents(installment.amount())
              - (installment.paid() == null ? 0 : Money.parseCents(installment.paid()));
      if (owed <= 0) {
        continue;
      }
      String pix = options.agreementPix(view.agreementId(), owed).orElse(null);
      return pix == null
          ? null
          : new NextInstallment(
              installment.number(),
              BR_DATE.format(installment.dueDate()),
              Money.toReais(owed),
              pix,
              "data:image/png;base64," + Base64.getEncoder().encodeToString(PixQrCode.png(pix)));
    }
    return null;
  }

  private static boolean positive(String decimal) {
    return Money.parseCents(decimal) > 0;
  }

  private static String reais(String decimal) {
    return Money.toReais(Money.parseCents(decimal));
  }
}
