package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.audit.AuditRecords.Hold;
import br.com.regua.audit.AuditRecords.Negativation;
import java.util.ArrayList;
import java.util.List;

/**
 * Nothing reaches a held debtor and nothing firm happens to them: no contact made and no
 * negativation on any of their debts from when a hold was placed until it was lifted (for ever
 * after a death). Judged from the placing, not from the order's own date: what happened before the
 * creditor knew is not the product's to prevent.
 */
final class NothingWhileHeldRule implements AuditRule {

  @Override
  public String name() {
    return "nothing-while-held";
  }

  @Override
  public String description() {
    return "no contact and no negativation while a hold stands on the debtor: judicial recovery,"
        + " over-indebtedness, death, a legal order (Lei 11.101/2005 art. 6; Lei 14.181/2021)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.holds().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Hold hold : records.holds()) {
      for (String debtId : records.debtIdsOf(hold.document())) {
        for (Contact contact : records.contacts(debtId)) {
          if (contact.made() && hold.stoodBeforeContact(contact.occurredAt())) {
            violations.add(
                new Violation(
                    debtId,
                    contact.channel()
                        + " "
                        + contact.template()
                        + " at "
                        + contact.occurredAt()
                        + " while "
                        + describe(hold)
                        + " stood"));
          }
        }
      }
    }
    for (Negativation negativation : records.negativations()) {
      records
          .debt(negativation.debtId())
          .ifPresent(
              debt -> {
                for (Hold hold : records.holds()) {
                  if (hold.document().equals(debt.document())
                      && hold.stood(negativation.negativatedAt())) {
                    violations.add(
                        new Violation(
                            debt.debtId(),
                            "negativated at "
                                + negativation.negativatedAt()
                                + " while "
                                + describe(hold)
                                + " stood"));
                  }
                }
              });
    }
    return violations;
  }

  private static String describe(Hold hold) {
    return "hold "
        + hold.holdId()
        + " ("
        + hold.kind()
        + ", placed "
        + hold.placedAt()
        + (hold.liftedAt() == null ? "" : ", lifted " + hold.liftedAt())
        + ")";
  }
}
