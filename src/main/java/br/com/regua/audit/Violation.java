package br.com.regua.audit;

/** One breach of a rule: the debt it concerns and what happened, in words a reviewer reads. */
public record Violation(String debtId, String what) {}
