package br.com.regua.negativation;

import br.com.regua.http.ProviderHttp;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The credit bureau's API (Serasa/SPC/Boa Vista-like), as we define it for the bureau's
 * integration. Every request carries {@code Authorization: Bearer <apiKey>}; bodies are JSON.
 *
 * <ul>
 *   <li>{@code POST /v1/negativations} with {@code Idempotency-Key: negativate:<debtId>} and
 *       <pre>{@code
 * {"reference": "INV-1001", "document": "52998224725", "debtorName": "Maria da Silva",
 *  "amount": "1234.56", "dueDate": "2026-12-03",
 *  "creditor": "Régua Cobranças Demonstração Ltda.", "creditorDocument": "12ABC34501DE35"}
 * }</pre>
 *       {@code reference} is our debt id, {@code document} the debtor's CPF/CNPJ and {@code
 *       creditorDocument} the creditor's, each in canonical form (no punctuation; an alphanumeric
 *       CNPJ in upper case, {@code 12ABC34501DE35}), {@code amount} the open balance as a decimal
 *       string in reais. Answers {@code 201} (created) or {@code 200} (the same Idempotency-Key
 *       again: the same negativation) with {@code {"protocol": "NEG-123", "status": "ACTIVE"}}.
 *   <li>{@code POST /v1/negativations/{protocol}/removal} with {@code Idempotency-Key:
 *       remove:<debtId>}, no body: {@code 202 {"protocol": "NEG-123", "status":
 *       "REMOVAL_REQUESTED"}} (a repeat answers the same; a bureau that removes at once may answer
 *       {@code "REMOVED"}).
 *   <li>{@code GET /v1/negativations/{protocol}}: {@code {"protocol": "NEG-123", "status": "ACTIVE"
 *       | "REMOVAL_REQUESTED" | "REMOVED"}}.
 * </ul>
 *
 * <p>Errors: a 4xx means the bureau refused the request and a retry will not change that ({@link
 * CreditBureauRejectedException}, with status and body), except 408, 409 (a request with the same
 * Idempotency-Key is still being processed) and 429, which mean "try again later". Those, any 5xx,
 * timeouts, refused connections and unreadable answers are {@link
 * CreditBureauUnavailableException}. The client never retries by itself: the job fails and Zeebe
 * retries it with backoff (see {@link CreditBureauRetryPolicy}); the Idempotency-Key makes the
 * repeat safe even when the first request reached the bureau and only its answer was lost.
 */
@Component
public class CreditBureauClient {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final RestClient rest;

  /** Takes Spring Boot's builder (its JSON settings and observations); the timeouts are ours. */
  CreditBureauClient(RestClient.Builder builder, CreditBureauProperties properties) {
    this.rest =
        ProviderHttp.client(
            builder,
            properties.baseUrl(),
            properties.connectTimeout(),
            properties.readTimeout(),
            properties.apiKey(),
            "regua.credit-bureau.api-key");
  }

  /** What we report: one debt, one debtor. */
  public record NegativationRequest(
      String reference,
      String document,
      String debtorName,
      String amount,
      @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate dueDate,
      String creditor,
      String creditorDocument) {}

  /** A negativation as the bureau holds it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BureauNegativation(String protocol, BureauStatus status) {}

  public enum BureauStatus {
    ACTIVE,
    REMOVAL_REQUESTED,
    REMOVED
  }

  /** Reports the debt; a repeat for the same debt returns the negativation made the first time. */
  public BureauNegativation negativate(NegativationRequest request) {
    return call(
        "negativation of " + request.reference(),
        () ->
            rest.post()
                .uri("/v1/negativations")
                .header(IDEMPOTENCY_KEY, "negativate:" + request.reference())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(BureauNegativation.class));
  }

  /** Asks the bureau to remove the negativation; a repeat for the same debt changes nothing. */
  public BureauNegativation requestRemoval(String protocol, String debtId) {
    return call(
        "removal of negativation " + protocol + " (debt " + debtId + ")",
        () ->
            rest.post()
                .uri("/v1/negativations/{protocol}/removal", protocol)
                .header(IDEMPOTENCY_KEY, "remove:" + debtId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(BureauNegativation.class));
  }

  /** Where the negativation stands at the bureau. */
  public BureauNegativation status(String protocol) {
    return call(
        "status of negativation " + protocol,
        () ->
            rest.get()
                .uri("/v1/negativations/{protocol}", protocol)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(BureauNegativation.class));
  }

  private static BureauNegativation call(String operation, Supplier<BureauNegativation> exchange) {
    BureauNegativation answer;
    try {
      answer = exchange.get();
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      String body = ProviderHttp.abbreviate(e.getResponseBodyAsString());
      if (e.getStatusCode().is4xxClientError() && !ProviderHttp.isTransient(e)) {
        throw new CreditBureauRejectedException(operation, status, body);
      }
      throw new CreditBureauUnavailableException(
          operation + " failed at the credit bureau: HTTP " + status + " " + body, e);
    } catch (RestClientException e) {
      // I/O (refused, timed out, reset) or an answer we could not read
      throw new CreditBureauUnavailableException(
          operation + " failed: credit bureau unreachable or unreadable: " + e.getMessage(), e);
    }
    if (answer == null || answer.protocol() == null || answer.status() == null) {
      throw new CreditBureauUnavailableException(
          operation + ": the credit bureau answered without protocol or status");
    }
    return answer;
  }
}
