package br.com.regua.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A document generated for a debt (a letter's PDF), without its bytes.
 *
 * @param kind what it is: the letter's template, e.g. {@code negativation-notice}
 * @param sha256 hex SHA-256 of the bytes, to prove later which document the debtor was sent
 * @param size in bytes
 */
public record StoredDocument(
    UUID id,
    String debtId,
    String kind,
    String contentType,
    String sha256,
    long size,
    Instant createdAt) {}
