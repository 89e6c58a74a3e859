package br.com.regua.dispute;

import java.time.Instant;

/** A dispute as stored. */
public record DisputeView(
    String disputeId,
    String debtId,
    String reason,
    Status status,
    String resolutionNotes,
    Instant openedAt,
    Instant resolvedAt) {

  public enum Status {
    OPEN,
    RESUMED,
    CANCELLED
  }
}
