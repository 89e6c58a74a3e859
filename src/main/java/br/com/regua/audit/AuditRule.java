package br.com.regua.audit;

import java.util.List;

/** One rule the audit checks over everything a run left in the database. */
public interface AuditRule {

  /** A short kebab-case name, printed with its violations. */
  String name();

  /** The rule in one sentence, with its source (the law, or the journey's specification). */
  String description();

  /** How many items the rule examined: contacts, negativations, agreements… */
  long checked(AuditRecords records);

  List<Violation> check(AuditRecords records);
}
