package br.com.regua.contact.letter;

import br.com.regua.http.ProviderHttp;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The print-and-post provider's API, as we define it for the provider's integration: it prints the
 * PDF, puts it in a window envelope and hands it to the Correios.
 *
 * <p>{@code POST /v1/letters} with {@code Authorization: Bearer <apiKey>}, {@code Idempotency-Key:
 * <contact key>} and a JSON body. The contact key names the debt and the step in Portuguese ({@code
 * INV-1001:Aviso prévio de negativação:LETTER}) and a header value must be ASCII, so it travels
 * percent-encoded as UTF-8 ({@link #idempotencyKey}): {@code
 * INV-1001%3AAviso%20pr%C3%A9vio%20de%20negativa%C3%A7%C3%A3o%3ALETTER}.
 *
 * <pre>{@code
 * {"recipient": {"name": "Maria da Silva", "street": "Rua Augusta", "number": "1500",
 *                "complement": "apto 42", "district": "Consolação", "city": "São Paulo",
 *                "state": "SP", "postalCode": "01304001"},
 *  "document": {"contentType": "application/pdf", "sha256": "9f86d0…", "content": "JVBERi0x…"}}
 * }</pre>
 *
 * {@code content} is the PDF in base64 and {@code sha256} its hex digest, which the provider
 * checks. JSON rather than multipart: a letter is a few kilobytes, and one JSON document is simpler
 * to sign, log and compare when the same Idempotency-Key comes again. The recipient is what the
 * provider needs to route the envelope: name and address, nothing about the debt (CDC art. 42). The
 * answer is {@code 201} (accepted) or {@code 200} (the same Idempotency-Key again: the first
 * letter, not a second one) with {@code {"letterId": "L-123", "status": "ACCEPTED"}}.
 *
 * <p>Errors: a 4xx other than 408, 409 and 429 is a refusal a retry will not change, typically an
 * address the provider will not mail to ({@link LetterRejectedException}, with the provider's
 * reason). Those three, any 5xx, timeouts and unreadable answers are {@link
 * PrintProviderUnavailableException}: the job fails and Zeebe retries it; the Idempotency-Key makes
 * the retry safe even when only the answer was lost. The client never retries by itself.
 */
@Component
@ConditionalOnExpression(LetterProperties.CONFIGURED)
class PrintProviderClient {

  private final RestClient rest;

  PrintProviderClient(RestClient.Builder builder, LetterProperties properties) {
    this.rest =
        ProviderHttp.client(
            builder,
            properties.baseUrl(),
            properties.connectTimeout(),
            properties.readTimeout(),
            properties.apiKey(),
            "regua.letter.api-key");
  }

  /** Who receives the envelope and where; {@code complement} may be null. */
  record Recipient(
      String name,
      String street,
      String number,
      String complement,
      String district,
      String city,
      String state,
      String postalCode) {}

  /** The file to print: {@code content} in base64. */
  record Document(String contentType, String sha256, String content) {}

  record LetterRequest(Recipient recipient, Document document) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LetterAccepted(String letterId, String status) {}

  /**
   * Hands the letter to the provider; returns the provider's letter id. A repeat with the same key
   * returns the first letter's id and mails nothing more.
   */
  String send(String contactKey, LetterRequest letter) {
    String idempotencyKey = idempotencyKey(contactKey);
    LetterAccepted answer;
    try {
      answer =
          rest.post()
              .uri("/v1/letters")
              .header("Idempotency-Key", idempotencyKey)
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(letter)
              .retrieve()
              .body(LetterAccepted.class);
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      String body = ProviderHttp.abbreviate(e.getResponseBodyAsString());
      if (e.getStatusCode().is4xxClientError() && !ProviderHttp.isTransient(e)) {
        throw new LetterRejectedException(status, body);
      }
      throw new PrintProviderUnavailableException(
          "letter " + contactKey + " failed at the print provider: HTTP " + status + " " + body, e);
    } catch (RestClientException e) {
      throw new PrintProviderUnavailableException(
          "letter "
              + contactKey
              + " failed: print provider unreachable or unreadable: "
              + e.getMessage(),
          e);
    }
    if (answer == null || answer.letterId() == null || answer.letterId().isBlank()) {
      throw new PrintProviderUnavailableException(
          "letter " + contactKey + ": the print provider answered without a letter id", null);
    }
    return answer.letterId();
  }

  /** The contact key as an ASCII header value: UTF-8, percent-encoded. */
  static String idempotencyKey(String contactKey) {
    return URLEncoder.encode(contactKey, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
