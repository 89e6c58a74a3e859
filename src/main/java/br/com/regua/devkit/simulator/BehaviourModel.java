package br.com.regua.devkit.simulator;

/**
 * How synthetic debtors behave, day by day: whether they pay, promise, open an email or visit the
 * portal. Every draw is a pure function of (seed, debt, day, purpose), so the same seed gives the
 * same debtor the same luck whatever order the engine worked in.
 *
 * <p>The propensity to pay falls with days overdue: {@code w * a * exp(-max(t,0)/tau)} on day
 * {@code t} overdue (from five days before the due date), doubled ({@code 1 + contactBoost}) on the
 * day of a message and the day after; once the journey has handed the debt off (after D+60) an
 * agency collects at a flat {@code w * agencyRate}. {@code w} is the debtor's willingness, from the
 * registered propensity score. The defaults are calibrated (BehaviourModelTest) so that, of the
 * debts that settle by D+90, about 85% settle within 30 days overdue and about 15% after 60 (seed
 * 001: "nos primeiros 30 dias de vencimento os acordos chegam a 85%; esse percentual cai para 15%
 * após 60 dias").
 */
public final class BehaviourModel {

  /** The model's numbers; {@link #DEFAULTS} are the calibrated ones. */
  public record Parameters(
      double a,
      double tau,
      double contactBoost,
      double agencyRate,
      double promiseRate,
      double promiseKeptRate,
      double emailOpenRate,
      double portalVisitRate,
      double boletoDownloadRate) {}

  public static final Parameters DEFAULTS =
      new Parameters(0.05, 8.0, 1.0, 0.009, 0.08, 0.6, 0.35, 0.12, 0.3);

  /** What reached the debtor today and yesterday, as the recording sinks saw it. */
  public record Received(
      boolean messageToday,
      boolean messageYesterday,
      int emailsToday,
      boolean linkToday,
      boolean postDueMessageToday) {

    public static final Received NOTHING = new Received(false, false, 0, false, false);
  }

  /** What the debtor does today. {@code promiseInDays} 0: no promise. */
  public record Actions(
      boolean pays,
      int promiseInDays,
      boolean promiseKept,
      int emailsOpened,
      boolean visitsPortal,
      boolean downloadsBoleto) {

    public static final Actions NONE = new Actions(false, 0, false, 0, false, false);
  }

  private final long seed;
  private final Parameters p;

  public BehaviourModel(long seed, Parameters parameters) {
    this.seed = seed;
    this.p = parameters;
  }

  public BehaviourModel(long seed) {
    this(seed, DEFAULTS);
  }

  /** The debtor's willingness to pay, 0.2–1.0, from the propensity score (0–1000). */
  public static double willingness(int propensityScore) {
    return 0.2 + 0.8 * Math.min(1000, Math.max(0, propensityScore)) / 1000.0;
  }

  /** The probability of paying in full today, {@code daysOverdue} days after the due date. */
  public double paymentPropensity(int propensityScore, int daysOverdue, Received received) {
    double w = willingness(propensityScore);
    if (daysOverdue < -5) {
      return 0;
    }
    if (daysOverdue > 60) {
      return w * p.agencyRate();
    }
    boolean recent = received.messageToday() || received.messageYesterday();
    return w
        * p.a()
        * Math.exp(-Math.max(daysOverdue, 0) / p.tau())
        * (1 + (recent ? p.contactBoost() : 0));
  }

  /**
   * The debtor's day: {@code promised} is true while a promise of theirs is active (they neither
   * pay on their own nor promise again; a kept promise is paid by the simulation on its date).
   */
  public Actions decide(
      long debt,
      int day,
      int propensityScore,
      int daysOverdue,
      Received received,
      boolean promised) {
    int opened = 0;
    for (int i = 0; i < received.emailsToday(); i++) {
      if (draw(debt, day, 10 + i) < p.emailOpenRate()) {
        opened++;
      }
    }
    boolean visits = received.linkToday() && draw(debt, day, 3) < p.portalVisitRate();
    boolean downloads = visits && draw(debt, day, 4) < p.boletoDownloadRate();
    if (promised) {
      return new Actions(false, 0, false, opened, visits, downloads);
    }
    boolean pays = draw(debt, day, 1) < paymentPropensity(propensityScore, daysOverdue, received);
    int promiseIn = 0;
    boolean kept = false;
    if (!pays
        && received.postDueMessageToday()
        && daysOverdue <= 60
        && draw(debt, day, 2) < p.promiseRate() * willingness(propensityScore)) {
      promiseIn = 3 + (int) (draw(debt, day, 5) * 3); // 3 to 5 days
      kept = draw(debt, day, 6) < p.promiseKeptRate();
    }
    return new Actions(pays, promiseIn, kept, opened, visits, downloads);
  }

  /** A uniform number in [0, 1) for the debt, the day and the purpose; pure. */
  double draw(long debt, int day, int purpose) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ debt * 0xBF58476D1CE4E5B9L);
    h = mix(h ^ (day + 1000L) * 0x94D049BB133111EBL);
    h = mix(h ^ purpose);
    return (h >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
