package br.com.regua.promise;

import java.time.Instant;
import java.time.LocalDate;

/** A promise to pay as stored. */
public record PromiseView(
    String promiseId,
    String debtId,
    LocalDate promisedDate,
    String source,
    Status status,
    Instant createdAt) {

  public enum Status {
    ACTIVE,
    KEPT,
    BROKEN
  }
}
