package br.com.regua.journey;

/**
 * The names that tie Java to the models in {@code bpmn/}: process ids, message names and job types.
 * Analysts may rename labels in Modeler; these stay as they are.
 */
public final class JourneyModel {

  private JourneyModel() {}

  public static final String DUNNING_JOURNEY = "dunning-journey";
  public static final String CONTACT_STEP = "contact-step";

  /** Full payment: interrupts the journey wherever it waits. */
  public static final String PAYMENT_RECEIVED = "payment-received";

  /** A payment that leaves a balance: noted, the journey goes on. */
  public static final String PARTIAL_PAYMENT_RECEIVED = "partial-payment-received";

  public static final String SEND_REMINDER = "send-reminder";
  public static final String CLOSE_DEBT = "close-debt";

  /** Process variables set at the start; the FEEL expressions of the models read them. */
  public static final String DEBT_ID = "debtId";

  public static final String DUE_DATE = "dueDate";
}
