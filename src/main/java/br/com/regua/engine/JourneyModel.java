package br.com.regua.engine;

/**
 * The names that tie Java to the models in {@code bpmn/}: process ids, message names, job types and
 * the variables the models read. Analysts may rename labels in Modeler; these stay as they are.
 */
public final class JourneyModel {

  private JourneyModel() {}

  public static final String DUNNING_JOURNEY = "dunning-journey";
  public static final String DUNNING_COLLECTION = "dunning-collection";
  public static final String CONTACT_STEP = "contact-step";

  /** An agreement's installments, one régua each; correlation key: the agreement id. */
  public static final String AGREEMENT_JOURNEY = "agreement-journey";

  public static final String DUNNING_STRATEGY_DECISION = "dunning-strategy";
  public static final String NEGATIVATION_WAIT_DECISION = "negativation-wait-days";

  // Messages, all correlated by the debt id.
  /** Full payment: interrupts the journey wherever it waits. */
  public static final String PAYMENT_RECEIVED = "payment-received";

  /** A payment that leaves a balance: noted, the journey goes on. */
  public static final String PARTIAL_PAYMENT_RECEIVED = "partial-payment-received";

  public static final String PROMISE_MADE = "promise-made";
  public static final String DISPUTE_OPENED = "dispute-opened";
  public static final String DISPUTE_RESOLVED = "dispute-resolved";
  public static final String AGREEMENT_SIGNED = "agreement-signed";
  public static final String EMAIL_OPENED = "email-opened";
  public static final String PORTAL_VISITED = "portal-visited";

  /**
   * An installment of an agreement was paid in full; correlated by {@code <agreementId>#<number>},
   * so each installment's wait hears only of its own payment.
   */
  public static final String AGREEMENT_INSTALLMENT_PAID = "agreement-installment-paid";

  // Job types.
  public static final String SEND_REMINDER = "send-reminder";
  public static final String RECORD_SKIPPED_STEP = "record-skipped-step";

  /**
   * {@code contact-step}, policy {@code supersede}: the step's postponement reached the next step's
   * day, so the next step goes out instead.
   */
  public static final String RECORD_SUPERSEDED_STEP = "record-superseded-step";

  /**
   * {@code contact-step}, policy {@code both}: the previous step went out on this step's day or
   * later, so this one moves to the next allowed day after it.
   */
  public static final String RECORD_MOVED_STEP = "record-moved-step";

  public static final String CLOSE_DEBT = "close-debt";
  public static final String RECORD_STRATEGY = "record-strategy";

  /**
   * The start listener of {@code dunning-journey}: the journey claims its debt in PostgreSQL before
   * anything else, so that a journey whose starter died before storing its key either takes the
   * starter's place or, when another journey holds the debt, ends at once.
   */
  public static final String CLAIM_DEBT = "claim-debt";

  /** The same claim for {@code agreement-journey}, on the agreement's row. */
  public static final String CLAIM_AGREEMENT = "claim-agreement";

  /**
   * Set by {@link #CLAIM_DEBT} and {@link #CLAIM_AGREEMENT}: another journey holds it, this ends.
   */
  public static final String DUPLICATE_JOURNEY = "duplicateJourney";

  public static final String PREPARE_AGENT_TASK = "prepare-agent-task";

  /**
   * Until when an agent's call may be made: the close of the debtor's first contact window from the
   * call's day ({@code callDay}), answered as {@code callDeadline}.
   */
  public static final String CALL_DEADLINE = "call-deadline";

  public static final String REGISTER_PROMISE = "register-promise";
  public static final String BREAK_PROMISE = "break-promise";
  public static final String GRANT_EXTRA_DAY = "grant-extra-day";
  public static final String RESUME_DEBT = "resume-debt";

  public static final String CHECK_INSTALLMENT = "check-installment";
  public static final String FULFIL_AGREEMENT = "fulfil-agreement";
  public static final String BREAK_AGREEMENT = "break-agreement";
  public static final String SIGN_AGENT_DEAL = "sign-agent-deal";

  /** The end listener of the agents' tasks. */
  public static final String RECORD_AGENT_OUTCOME = "record-agent-outcome";

  public static final String RECORD_TASK_EXPIRED = "record-task-expired";

  /**
   * An agent's call the journey reached after its day: recorded, with the task's {@code
   * timelineDetail} header, instead of opened.
   */
  public static final String RECORD_TASK_SKIPPED = "record-task-skipped";

  // Variables set at the start; the FEEL expressions of the models read them.
  public static final String DEBT_ID = "debtId";
  public static final String DUE_DATE = "dueDate";
  public static final String AMOUNT = "amount";
  public static final String PROPENSITY_SCORE = "propensityScore";
  public static final String LATE_PAYMENT_COUNT = "latePaymentCount";
  public static final String DEBTOR_TYPE = "debtorType";
  public static final String DEBTOR_STATE = "debtorState";
  public static final String DAYS_TO_DUE = "daysToDue";

  /**
   * A stable hash of the debt id ({@link #debtIdHash(String)}). {@code dunning-journey} turns it
   * into {@link #CONTACT_MINUTE_OFFSET} within the spread the model declares ({@code
   * contactSpread}), so each debt's dated steps fire at its own minute after 09:00 and the
   * portfolio's timers do not all fall due at once.
   */
  public static final String DEBT_ID_HASH = "debtIdHash";

  /** Minutes after 09:00 (São Paulo) at which the debt's dated steps fire; set by the model. */
  public static final String CONTACT_MINUTE_OFFSET = "contactMinuteOffset";

  // Variables of agreement-journey.
  public static final String AGREEMENT_ID = "agreementId";
  public static final String DEBT_IDS = "debtIds";
  public static final String INSTALLMENTS = "installments";

  /**
   * The CRC-32 of the debt id's UTF-8 bytes: a standard checksum, the same on every JVM, after
   * every restart and for every journey of the same debt (a rebuilt journey, a broken agreement's
   * new one), and any tool can recompute it.
   */
  public static long debtIdHash(String debtId) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(debtId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return crc.getValue();
  }

  /** The result of the strategy decision, read by the gateways of {@code dunning-collection}. */
  public static final String DUNNING_STRATEGY = "dunningStrategy";
}
