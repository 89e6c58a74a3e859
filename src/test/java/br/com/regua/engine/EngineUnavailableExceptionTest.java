package br.com.regua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which failures of the Camunda client mean "the engine does not answer now", and the 503. */
class EngineUnavailableExceptionTest {

  @Test
  void grpcUnavailabilityDeadlinesAndBackPressureAreUnavailable() {
    assertThat(EngineUnavailableException.of(grpc(Status.UNAVAILABLE))).isPresent();
    assertThat(EngineUnavailableException.of(grpc(Status.DEADLINE_EXCEEDED))).isPresent();
    assertThat(EngineUnavailableException.of(grpc(Status.RESOURCE_EXHAUSTED))).isPresent();
    assertThat(EngineUnavailableException.of(new ClientHttpException(503, "down"))).isPresent();
    assertThat(
            EngineUnavailableException.of(
                new ClientException("no connection", new ConnectException("refused"))))
        .isPresent();
  }

  @Test
  void anAnswerOfTheEngineIsNot() {
    assertThat(EngineUnavailableException.of(grpc(Status.NOT_FOUND))).isEmpty();
    assertThat(EngineUnavailableException.of(grpc(Status.INVALID_ARGUMENT))).isEmpty();
    assertThat(EngineUnavailableException.of(new ClientHttpException(409, "conflict"))).isEmpty();
  }

  @Test
  void aRequestWhoseEngineCallTimedOutGets503WithRetryAfter() throws Exception {
    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new EngineExceptionHandler())
            .build();

    mvc.perform(get("/deadline"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "10"))
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.title").value("Service unavailable"))
        .andExpect(jsonPath("$.retryAfterSeconds").value(10));
  }

  private static ClientStatusException grpc(Status status) {
    return new ClientStatusException(status, status.asRuntimeException());
  }

  @RestController
  static class FailingController {
    @GetMapping("/deadline")
    String deadline() {
      throw grpc(Status.DEADLINE_EXCEEDED.withDescription("Time out between gateway and broker"));
    }
  }
}
