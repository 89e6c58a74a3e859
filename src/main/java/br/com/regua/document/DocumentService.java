package br.com.regua.document;

import br.com.regua.api.NotFoundException;
import br.com.regua.debt.DebtRepository;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Keeps every document sent to a debtor exactly as sent, with its SHA-256: the creditor must be
 * able to show which prior notice (CDC art. 43 §2) went out, and the print provider received the
 * same bytes.
 */
@Service
public class DocumentService {

  private final DocumentRepository documents;
  private final DebtRepository debts;
  private final Clock clock;

  DocumentService(DocumentRepository documents, DebtRepository debts, Clock clock) {
    this.documents = documents;
    this.debts = debts;
    this.clock = clock;
  }

  /** A document and its bytes. */
  public record Content(StoredDocument document, byte[] bytes) {}

  /**
   * Stores a document in the caller's transaction: if the sending that follows fails, the document
   * goes with it, so only documents that were handed to a provider remain.
   *
   * @param contactKey the contact that sends it (its idempotency key), or null
   */
  public StoredDocument store(
      String debtId, String kind, String contentType, String contactKey, byte[] bytes) {
    StoredDocument document =
        new StoredDocument(
            UUID.randomUUID(),
            debtId,
            kind,
            contentType,
            sha256(bytes),
            bytes.length,
            clock.instant());
    documents.insert(document, contactKey, bytes);
    return document;
  }

  /** The debt's documents, oldest first. */
  public List<StoredDocument> list(String debtId) {
    requireDebt(debtId);
    return documents.list(debtId);
  }

  /** The document with its bytes; not found unless it belongs to this debt. */
  public Content content(String debtId, String documentId) {
    requireDebt(debtId);
    StoredDocument document =
        parse(documentId)
            .flatMap(id -> documents.find(debtId, id))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "document " + documentId + " does not exist for debt " + debtId));
    return new Content(document, documents.bytes(document.id()));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private void requireDebt(String debtId) {
    if (debts.find(debtId).isEmpty()) {
      throw NotFoundException.debt(debtId);
    }
  }

  /** A malformed id names no document: it is as unknown as a well-formed one that is missing. */
  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
