package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Consent;
import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.consent.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No contact on a channel the debtor opted out of, WhatsApp only with an opt-in given before it.
 * The database keeps each channel's latest choice: a contact made before that choice changed cannot
 * be judged, and is not counted against the rule.
 */
final class ChannelConsentRule implements AuditRule {

  @Override
  public String name() {
    return "channel-consent";
  }

  @Override
  public String description() {
    return "no contact on a channel after the debtor's opt-out; WhatsApp only after an opt-in"
        + " (LGPD; WhatsApp Business policy; JOURNEY.md)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.madeContacts().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Contact contact : records.madeContacts()) {
      records
          .debt(contact.debtId())
          .ifPresent(
              debt -> {
                Optional<Consent> consent = records.consent(debt.document(), contact.channel());
                boolean optedOutBefore =
                    consent.isPresent()
                        && consent.get().consent().equals("OPT_OUT")
                        && !consent.get().updatedAt().isAfter(contact.occurredAt());
                if (optedOutBefore) {
                  violations.add(
                      new Violation(
                          contact.debtId(),
                          contact.channel()
                              + " "
                              + contact.template()
                              + " at "
                              + contact.occurredAt()
                              + " after the opt-out of "
                              + consent.get().updatedAt()));
                } else if (contact.channel() == Channel.WHATSAPP
                    && !mayHaveOptedInBefore(consent, contact)) {
                  violations.add(
                      new Violation(
                          contact.debtId(),
                          "WhatsApp "
                              + contact.template()
                              + " at "
                              + contact.occurredAt()
                              + consent
                                  .map(
                                      c ->
                                          " while the channel stood "
                                              + c.consent()
                                              + " (since "
                                              + c.updatedAt()
                                              + ")")
                                  .orElse(" with no opt-in ever recorded")));
                }
              });
    }
    return violations;
  }

  /** False only when known: no choice ever recorded, or one other than an opt-in made before. */
  private static boolean mayHaveOptedInBefore(Optional<Consent> consent, Contact contact) {
    return consent.isPresent()
        && (consent.get().consent().equals("OPT_IN")
            || consent.get().updatedAt().isAfter(contact.occurredAt()));
  }
}
