package br.com.regua.debt;

/** What the timeline records besides contacts. */
public enum DebtEventType {
  REGISTERED,
  JOURNEY_STARTED,
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
  DISPUTE_OPENED,
  DISPUTE_RESOLVED,
  AGREEMENT_SIGNED,
  EMAIL_OPENED,
  PORTAL_VISITED,
  /** The journey asked for a negativation and it was not made; the detail says why. */
  NEGATIVATION_SKIPPED,
  NEGATIVATED,
  DENEGATIVATION_REQUESTED,
  DENEGATIVATED,
  RENEGOTIATED,
  CANCELLED,
  HANDED_OFF,
  WRITTEN_OFF
}
