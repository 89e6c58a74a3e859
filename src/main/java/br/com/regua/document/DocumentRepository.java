package br.com.regua.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents in PostgreSQL ({@code bytea}): a letter is a few kilobytes. */
@Repository
class DocumentRepository {

  private static final String METADATA =
      """
      select id, debt_id, kind, content_type, sha256, octet_length(bytes) as size, created_at
        from document
      """;

  private final JdbcClient jdbc;

  DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredDocument document, String contactKey, byte[] bytes) {
    jdbc.sql(
            """
            insert into document (id, debt_id, kind, content_type, bytes, sha256, contact_key,
                                  created_at)
            values (:id, :debtId, :kind, :contentType, :bytes, :sha256, :contactKey, :createdAt)
            """)
        .param("id", document.id())
        .param("debtId", document.debtId())
        .param("kind", document.kind())
        .param("contentType", document.contentType())
        .param("bytes", bytes)
        .param("sha256", document.sha256())
        .param("contactKey", contactKey)
        .param("createdAt", Timestamp.from(document.createdAt()))
        .update();
  }

  List<StoredDocument> list(String debtId) {
    return jdbc.sql(METADATA + " where debt_id = :debtId order by created_at, id")
        .param("debtId", debtId)
        .query(DocumentRepository::map)
        .list();
  }

  /** The document, only if it belongs to the debt. */
  Optional<StoredDocument> find(String debtId, UUID id) {
    return jdbc.sql(METADATA + " where debt_id = :debtId and id = :id")
        .param("debtId", debtId)
        .param("id", id)
        .query(DocumentRepository::map)
        .optional();
  }

  byte[] bytes(UUID id) {
    return jdbc.sql("select bytes from document where id = :id")
        .param("id", id)
        .query((rs, row) -> rs.getBytes("bytes"))
        .single();
  }

  private static StoredDocument map(ResultSet rs, int row) throws SQLException {
    return new StoredDocument(
        rs.getObject("id", UUID.class),
        rs.getString("debt_id"),
        rs.getString("kind"),
        rs.getString("content_type"),
        rs.getString("sha256"),
        rs.getLong("size"),
        rs.getTimestamp("created_at").toInstant());
  }
}
