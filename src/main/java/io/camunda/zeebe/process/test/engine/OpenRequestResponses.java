package io.camunda.zeebe.process.test.engine;

/**
 * zeebe-process-test's gRPC response writer, answering only the requests of this start (see {@link
 * StartScopedRequests}): the answer to a command written before a kill has no caller left to
 * receive it, and is dropped instead of failing the engine's side effects. Part of {@link
 * DurableEngines}.
 */
final class OpenRequestResponses extends GrpcResponseWriter {

  private final StartScopedRequests requests;

  OpenRequestResponses(GrpcToLogStreamGateway gateway, StartScopedRequests requests) {
    super(gateway, requests, null);
    this.requests = requests;
  }

  @Override
  public void tryWriteResponse(int requestStreamId, long requestId) {
    if (requests.isOpen(requestId)) {
      super.tryWriteResponse(requestStreamId, requestId);
    }
  }
}
