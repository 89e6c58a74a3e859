package br.com.regua.contact;

import br.com.regua.consent.Channel;

/**
 * A contact that was sent turned out undeliverable: the provider reported it failed (invalid or
 * non-WhatsApp number, bounced email…). Published once, when the contact log marks it FAILED, in
 * the receipt's transaction: a listener that reaches the debtor another way (the contact policy's
 * fallback to the strategy's next channel) should be a {@code @TransactionalEventListener} so it
 * acts only on what was committed.
 *
 * @param contactKey the failed contact's key ({@code debtId:step:channel})
 * @param reason the provider's reason, as the contact log keeps it
 */
public record ContactFailed(
    String debtId,
    String contactKey,
    String step,
    Channel channel,
    String template,
    String reason) {}
