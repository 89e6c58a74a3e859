package br.com.regua.hold;

/**
 * The names that tie holds to the models in {@code bpmn/}. Analysts may rename labels in Modeler;
 * these stay as they are.
 */
public final class HoldModel {

  private HoldModel() {}

  /**
   * The called process that waits while the debtor is held, before each firm action (the
   * negativation, the D+60 hand-off or write-off, breaking an agreement).
   */
  public static final String DEBTOR_HOLD_GATE = "debtor-hold-gate";

  /** Out: {@code debtorHeld}, whether a hold stands on the debtor of {@code debtId}. */
  public static final String CHECK_DEBTOR_HOLD = "check-debtor-hold";

  /**
   * Published to each of the debtor's debts (correlation key: the debt id) when their last standing
   * hold is lifted: whatever waits on the hold checks again at once instead of at its next periodic
   * check.
   */
  public static final String DEBTOR_HOLD_LIFTED = "debtor-hold-lifted";

  /** Published to each of the debtor's debts when a death is recorded: their journeys end. */
  public static final String DEBTOR_DECEASED = "debtor-deceased";
}
