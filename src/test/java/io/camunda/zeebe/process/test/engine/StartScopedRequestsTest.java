package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.grpc.StatusException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class StartScopedRequestsTest {

  @Test
  void aLaterStartNumbersItsRequestsAfterEveryNumberOfAnEarlierOne() {
    StartScopedRequests first = new StartScopedRequests(1_800_000_000_000L);
    long lastOfFirst = 0;
    for (int i = 0; i < 100_000; i++) {
      lastOfFirst = first.registerNewRequest(CreateProcessInstanceRequest.class, new Answers());
    }
    // the next start, one millisecond later
    StartScopedRequests second = new StartScopedRequests(1_800_000_000_001L);

    long firstOfSecond =
        second.registerNewRequest(CreateProcessInstanceRequest.class, new Answers());

    assertThat(firstOfSecond).isGreaterThan(lastOfFirst);
  }

  @Test
  void theAnswerToACommandOfAnEarlierStartIsDroppedAndTheOpenRequestStillAnswered() {
    StartScopedRequests before = new StartScopedRequests(1_800_000_000_000L);
    long beforeTheKill =
        before.registerNewRequest(CreateProcessInstanceRequest.class, new Answers());
    StartScopedRequests requests = new StartScopedRequests(1_800_000_060_000L);
    Answers caller = new Answers();
    long open = requests.registerNewRequest(CreateProcessInstanceRequest.class, caller);
    OpenRequestResponses responses = new OpenRequestResponses(null, requests);
    responses
        .rejectionType(RejectionType.NOT_FOUND)
        .intent(ProcessInstanceCreationIntent.CREATE)
        .rejectionReason(new UnsafeBuffer("no such process".getBytes()));

    responses.tryWriteResponse(0, beforeTheKill);

    assertThat(caller.errors).isEmpty();
    assertThat(requests.isOpen(open)).isTrue();

    responses.tryWriteResponse(0, open);

    assertThat(caller.errors).singleElement().asString().contains("no such process");
    assertThat(requests.isOpen(open)).isFalse();
  }

  /** A caller's side of a gRPC call: what it was answered. */
  private static final class Answers implements StreamObserver<Object> {
    final List<Object> responses = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();

    @Override
    public void onNext(Object value) {
      responses.add(value);
    }

    @Override
    public void onError(Throwable t) {
      errors.add(t instanceof StatusException e ? e : t);
    }

    @Override
    public void onCompleted() {}
  }
}
