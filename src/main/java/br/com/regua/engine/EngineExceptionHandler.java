package br.com.regua.engine;

import io.camunda.client.api.command.ClientException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that needed the engine while it did not answer gets 503 with {@code Retry-After}
 * ({@link EngineUnavailableException}), never a 500 with a Camunda client stack trace. Here, not in
 * {@code api/}, because only the engine gateway knows what the client's failures mean.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineExceptionHandler {

  @ExceptionHandler(ClientException.class)
  ResponseEntity<ProblemDetail> clientFailure(ClientException e) {
    // any other failure (a rejection, a missing instance) is rethrown: left unhandled, as before
    return EngineUnavailableException.of(e).orElseThrow(() -> e).toResponse();
  }
}
