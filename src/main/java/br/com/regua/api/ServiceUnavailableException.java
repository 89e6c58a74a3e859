package br.com.regua.api;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Something the request needs does not answer now (the engine, most often): 503 with a {@code
 * Retry-After} header, so a client tries again later rather than giving up. Nothing was decided:
 * repeating the request is safe wherever repeating it was safe before.
 */
public class ServiceUnavailableException extends RuntimeException {

  private final Duration retryAfter;

  public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** The answer every 503 of the service gives: problem+json, and when to try again. */
  public ResponseEntity<ProblemDetail> toResponse() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, getMessage());
    problem.setTitle("Service unavailable");
    problem.setProperty("retryAfterSeconds", retryAfter.toSeconds());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
        .body(problem);
  }
}
