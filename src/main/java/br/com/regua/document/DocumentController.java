package br.com.regua.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The documents sent to a debtor (letters as PDF), for agents and the creditor's systems. */
@RestController
@RequestMapping("/api/debts/{debtId}/documents")
class DocumentController {

  private final DocumentService documents;

  DocumentController(DocumentService documents) {
    this.documents = documents;
  }

  /** One document's metadata; {@code href} fetches its content. */
  record DocumentView(
      UUID documentId,
      String kind,
      String contentType,
      long size,
      String sha256,
      Instant createdAt,
      String href) {

    static DocumentView of(StoredDocument d) {
      return new DocumentView(
          d.id(),
          d.kind(),
          d.contentType(),
          d.size(),
          d.sha256(),
          d.createdAt(),
          "/api/debts/" + d.debtId() + "/documents/" + d.id());
    }
  }

  @GetMapping
  List<DocumentView> list(@PathVariable String debtId) {
    return documents.list(debtId).stream().map(DocumentView::of).toList();
  }

  /** The document as it was sent; 404 for an unknown id or another debt's document. */
  @GetMapping("/{documentId}")
  ResponseEntity<byte[]> content(@PathVariable String debtId, @PathVariable String documentId) {
    DocumentService.Content content = documents.content(debtId, documentId);
    StoredDocument document = content.document();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(document.kind() + "-" + document.id() + ".pdf")
                .build()
                .toString())
        .eTag("\"" + document.sha256() + "\"")
        .body(content.bytes());
  }
}
