package br.com.regua.negativation;

/**
 * The names that tie the negativation workers to the models in {@code bpmn/}: job types and the
 * variables they read and write. Analysts may rename labels in Modeler; these stay as they are.
 */
public final class NegativationModel {

  private NegativationModel() {}

  /**
   * Reports the debt to the credit bureau, unless it is paid, promised, in agreement or disputed.
   */
  public static final String NEGATIVATE_DEBT = "negativate-debt";

  /** Asks the bureau to remove the debt's negativation, if it has one; sets the legal deadline. */
  public static final String REQUEST_DENEGATIVATION = "request-denegativation";

  /** Asks the bureau whether the removal is done. */
  public static final String CHECK_DENEGATIVATION = "check-denegativation";

  /**
   * Whether the prior notice is proven; out: {@code noticeProof} (PROVEN, PENDING, LETTER_NEEDED,
   * UNPROVABLE) and {@code noticeProvenAt}.
   */
  public static final String CHECK_NOTICE_PROOF = "check-notice-proof";

  /** In: the debt (every job above). */
  public static final String DEBT_ID = "debtId";

  /**
   * Out of {@code request-denegativation}: the last day for the removal (ISO date, STJ Súmula 548),
   * or null when the debt has no negativation, so the model can branch on {@code != null}.
   */
  public static final String DENEGATIVATION_DEADLINE = "denegativationDeadline";

  /** Out of {@code check-denegativation}: whether the bureau confirmed the removal. */
  public static final String DENEGATIVATION_CONFIRMED = "denegativationConfirmed";

  /** The template of the prior notice the CDC requires before a negativation (art. 43 §2). */
  public static final String NOTICE_TEMPLATE = "negativation-notice";
}
