package br.com.regua.engine;

import br.com.regua.api.ServiceUnavailableException;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The engine does not answer now: it is unreachable, overloaded, or its stream processor stopped
 * (see {@code /actuator/health}). The API answers 503 with {@code Retry-After}.
 */
public class EngineUnavailableException extends ServiceUnavailableException {

  /** About how long a restarted engine or a reconnecting client takes. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  private static final Set<Status.Code> UNAVAILABLE_CODES =
      Set.of(
          Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

  private static final Set<Integer> UNAVAILABLE_HTTP = Set.of(502, 503, 504);

  public EngineUnavailableException(String message) {
    this(message, null);
  }

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, RETRY_AFTER, cause);
  }

  /**
   * The Camunda client's failure as an unavailable engine, when that is what it means: gRPC {@code
   * UNAVAILABLE}, {@code DEADLINE_EXCEEDED} or {@code RESOURCE_EXHAUSTED} (back-pressure), a REST
   * 502/503/504, a refused connection or a timeout; empty for an answer the engine did give (a
   * rejection, a missing instance).
   */
  public static Optional<EngineUnavailableException> of(ClientException e) {
    boolean unavailable =
        switch (e) {
          case ClientStatusException status -> UNAVAILABLE_CODES.contains(status.getStatusCode());
          case ClientHttpException http -> UNAVAILABLE_HTTP.contains(http.code());
          default -> causedByConnectionOrTimeout(e);
        };
    return unavailable
        ? Optional.of(
            new EngineUnavailableException(
                "the engine does not answer now, try again later: " + e.getMessage(), e))
        : Optional.empty();
  }

  private static boolean causedByConnectionOrTimeout(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof TimeoutException
          || cause instanceof HttpTimeoutException
          || cause instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
