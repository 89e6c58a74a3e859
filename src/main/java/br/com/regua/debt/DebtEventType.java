package br.com.regua.debt;

/** What the timeline records besides contacts. */
public enum DebtEventType {
  REGISTERED,
  JOURNEY_STARTED,
  /**
   * The engine no longer had the debt's journey (the embedded engine keeps its state in memory and
   * the service restarted): a new one starts where the debt stood.
   */
  JOURNEY_LOST,
  /**
   * A journey the engine created for a debt another journey already holds ended at its start,
   * before any step: its starter died after the engine created it and before storing its key, and
   * another start took the debt (see {@code JourneyClaims}).
   */
  JOURNEY_DUPLICATE_ENDED,
  STRATEGY_DECIDED,
  PAYMENT_RECEIVED,
  PAID,
  PROMISE_MADE,
  PROMISE_KEPT,
  PROMISE_BROKEN,
  EXTRA_DAY_GRANTED,
  /**
   * An agent completed a task (call, negotiation, dispute review); the detail says what came of it.
   */
  AGENT_TASK_COMPLETED,
  /** An agent's task reached its deadline unworked; the detail says what the régua does instead. */
  AGENT_TASK_EXPIRED,
  /**
   * An agent's task was not opened: the journey reached it after its day (a debt registered late);
   * the detail says which.
   */
  AGENT_TASK_SKIPPED,
  DISPUTE_OPENED,
  DISPUTE_RESOLVED,
  AGREEMENT_SIGNED,
  /** A payment to the debt's agreement; the detail says which installments it paid. */
  AGREEMENT_PAYMENT_RECEIVED,
  /** An agent's deal the strategy's limits refused; the detail names the limit. */
  AGREEMENT_REFUSED,
  /** Every installment paid: the debt is paid through its agreement. */
  AGREEMENT_FULFILLED,
  /** An installment went unpaid too long: the agreement ends and the debt returns to collection. */
  AGREEMENT_BROKEN,
  /** A new journey took the debt back at the stage its age calls for. */
  RETURNED_TO_COLLECTION,
  /**
   * A hold on the debtor (judicial recovery, over-indebtedness, death, legal order): nothing
   * reaches them and nothing firm happens until it is lifted; the detail says which and why.
   */
  HOLD_PLACED,
  /** A hold on the debtor was lifted; the detail says whether collection resumes. */
  HOLD_LIFTED,
  EMAIL_OPENED,
  PORTAL_VISITED,
  /** The journey asked for a negativation and it was not made; the detail says why. */
  NEGATIVATION_SKIPPED,
  /**
   * The prior notice of negativation is proven: a letter mailed, or an electronic notice with its
   * delivery receipt (STJ Tema 1.315); the detail says which, when, and the provider's id.
   */
  NOTICE_PROVEN,
  NEGATIVATED,
  DENEGATIVATION_REQUESTED,
  DENEGATIVATED,
  RENEGOTIATED,
  CANCELLED,
  HANDED_OFF,
  WRITTEN_OFF,
  /**
   * The debt was paid: its other instruments (boleto, cobv) are to be cancelled; the detail says
   * which and how.
   */
  INSTRUMENTS_CANCELLATION_RECORDED,
  /**
   * Money to give back (an overpayment's excess, a payment to a settled debt), for a supervisor.
   */
  REFUND_PROPOSED,
  /** The bank reported the debt's boleto written off (baixa). */
  BOLETO_WRITTEN_OFF
}
