package io.camunda.zeebe.process.test.engine;

import com.google.protobuf.GeneratedMessage;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's open requests, numbered so that no number repeats across the engine's starts.
 *
 * <p>A command the gateway wrote to the log carries the number of the request waiting for its
 * answer. When the process is killed between the write and the processing, the engine processes
 * that command after its next start, and answers the number it carries. zeebe-process-test's store
 * numbers requests from 1 at each start, so that old number is then either unknown (the engine's
 * response writer fails on it) or, worse, the number of a new caller's request, who would get the
 * old command's answer. Here numbers start at the start's wall-clock millisecond shifted left by 20
 * bits (a million requests per millisecond of uptime before two starts could overlap), and {@link
 * OpenRequestResponses} answers only requests that this start registered. Part of {@link
 * DurableEngines}.
 */
final class StartScopedRequests extends GatewayRequestStore {

  private static final int REQUESTS_PER_MILLISECOND_BITS = 20;

  private final Map<Long, Request> open = new ConcurrentHashMap<>();
  private final AtomicLong lastId;

  StartScopedRequests() {
    this(System.currentTimeMillis());
  }

  StartScopedRequests(long startMillis) {
    lastId = new AtomicLong(startMillis << REQUESTS_PER_MILLISECOND_BITS);
  }

  @Override
  Long registerNewRequest(
      Class<? extends GeneratedMessage> requestType, StreamObserver<?> responseObserver) {
    long id = lastId.incrementAndGet();
    open.put(id, new Request(requestType, responseObserver));
    return id;
  }

  @Override
  Request removeRequest(Long requestId) {
    return open.remove(requestId);
  }

  boolean isOpen(long requestId) {
    return open.containsKey(requestId);
  }
}
