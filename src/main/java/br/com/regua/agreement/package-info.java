/**
 * Agreements (acordos), one class per use case: {@link br.com.regua.agreement.AgreementOffers}
 * (what a debtor may take), {@link br.com.regua.agreement.AgreementSigning} (an accepted offer or
 * an agent's deal joining one debtor's debts), {@link br.com.regua.agreement.AgreementPayments} and
 * {@link br.com.regua.agreement.AgreementFulfilment} (payments to the installments in order; the
 * last one fulfils it and its debts are {@code PAID}), {@link
 * br.com.regua.agreement.AgreementBreaking} (an installment late past the model's limit: what is
 * still owed returns to collection) and {@link br.com.regua.agreement.AgreementViews} (the API's
 * view).
 *
 * <p>Each change takes effect in PostgreSQL first, under the row locks of the joined debts ({@link
 * br.com.regua.agreement.AgreementDebts}), and the engine hears of it through the message outbox in
 * the same transaction: each debt's dunning journey ends {@code RENEGOTIATED} on {@code
 * agreement-signed}, and the agreement's own journey ({@code agreement-journey}) runs the
 * installments' régua. Money follows {@link br.com.regua.agreement.AgreementTerms}: the joined
 * balances plus late charges less the discount.
 */
package br.com.regua.agreement;
