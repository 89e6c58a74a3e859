package br.com.regua.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine of the fault-injection run's remote variant ({@code bin/fault-injection}): a Zeebe
 * engine in its own process, which the service reaches over gRPC in the {@code remote} profile and
 * which outlives the service's {@code kill -9}s, plus what a cluster's surroundings would provide
 * and remote mode does not serve itself: an SMTP server and a credit bureau.
 *
 * <p>It is the in-JVM engine of zeebe-process-test (gRPC only, no REST API: the run uses strategies
 * without user tasks). Its clock is moved over HTTP with the controlled-clock API of a Zeebe broker
 * ({@code ZEEBE_CLOCK_CONTROLLED=true}): {@code GET /actuator/clock} answers {@code {"epochMilli",
 * "instant"}} and {@code POST /actuator/clock/add {"offsetMilli": N}} moves it forward. The service
 * follows that clock ({@code regua.engine.clock-url}); so that it reads the new time before the
 * timers that fall due run its jobs, {@code add} shows the new time first, waits a moment, then
 * moves the engine.
 *
 * <p>{@code java ... StandaloneEngine GRPC_PORT HTTP_PORT SMTP_PORT}. The credit bureau answers on
 * the HTTP port under {@code /credit-bureau/v1/negativations}, as {@code dev/DevCreditBureau}, and
 * {@code GET /incidents} counts the engine's open incidents, {@code GET /jobs} its open jobs,
 * {@code GET /journeys} lists the debt of every dunning journey the engine ran, {@code GET
 * /duplicate-journeys} of every one that ended at its start because another journey held its debt.
 */
public final class StandaloneEngine {

  /** Longer than the service's clock refresh (100 ms). */
  private static final Duration CLOCK_PROPAGATION = Duration.ofMillis(300);

  private static final Pattern OFFSET = Pattern.compile("\"offsetMilli\"\\s*:\\s*(\\d+)");

  private final ZeebeTestEngine engine;
  private volatile long offsetMillis;
  private final AtomicLong protocols = new AtomicLong(1000);
  private final Map<String, String> protocolByKey = new ConcurrentHashMap<>();
  private final Map<String, String> statusByProtocol = new ConcurrentHashMap<>();

  private StandaloneEngine(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  public static void main(String[] args) throws IOException {
    int grpcPort = Integer.parseInt(args[0]);
    int httpPort = Integer.parseInt(args[1]);
    int smtpPort = Integer.parseInt(args[2]);
    ZeebeTestEngine engine = EngineFactory.create(grpcPort);
    engine.start();
    GreenMail mail =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    StandaloneEngine standalone = new StandaloneEngine(engine);
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 50);
    http.setExecutor(Executors.newFixedThreadPool(8));
    http.createContext("/actuator/clock", standalone::clock);
    http.createContext("/credit-bureau/v1/negativations", standalone::creditBureau);
    http.createContext("/incidents", standalone::incidents);
    http.createContext("/jobs", standalone::jobs);
    http.createContext("/journeys", exchange -> standalone.journeys(exchange, false));
    http.createContext("/duplicate-journeys", exchange -> standalone.journeys(exchange, true));
    http.createContext("/mails", exchange -> mails(exchange, mail));
    http.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.stop(0);
                  mail.stop();
                  engine.stop();
                }));
    System.out.printf(
        "Engine on gRPC %d, clock and credit bureau on http://127.0.0.1:%d, SMTP on %d%n",
        grpcPort, httpPort, smtpPort);
  }

  private Instant now() {
    return Instant.now().plusMillis(offsetMillis);
  }

  private void clock(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if ("GET".equals(exchange.getRequestMethod()) && path.equals("/actuator/clock")) {
        respond(exchange, 200, clockJson());
      } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/actuator/clock/add")) {
        Matcher offset = OFFSET.matcher(body(exchange));
        if (!offset.find()) {
          respond(exchange, 400, "{\"error\": \"offsetMilli: a positive number of milliseconds\"}");
          return;
        }
        respond(exchange, 200, advance(Duration.ofMillis(Long.parseLong(offset.group(1)))));
      } else {
        respond(exchange, 404, "{}");
      }
    }
  }

  private synchronized String advance(Duration duration) {
    offsetMillis += duration.toMillis();
    sleep(CLOCK_PROPAGATION);
    engine.increaseTime(duration);
    try {
      engine.waitForBusyState(Duration.ofMillis(300));
    } catch (TimeoutException nothingFellDue) {
      // no timer was due
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      engine.waitForIdleState(Duration.ofSeconds(1));
    } catch (TimeoutException busy) {
      // the service's workers keep it busy; the driver observes results itself
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return clockJson();
  }

  private String clockJson() {
    Instant now = now();
    return "{\"epochMilli\": " + now.toEpochMilli() + ", \"instant\": \"" + now + "\"}";
  }

  /** {@code GET /incidents}: {@code {"open": N}}, the incidents raised and not resolved. */
  private void incidents(HttpExchange exchange) throws IOException {
    try (exchange) {
      Set<Long> open = new HashSet<>();
      for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
        if (record.getRecordType() == RecordType.EVENT
            && record.getValueType() == ValueType.INCIDENT) {
          if (record.getIntent() == IncidentIntent.CREATED) {
            open.add(record.getKey());
          } else if (record.getIntent() == IncidentIntent.RESOLVED) {
            open.remove(record.getKey());
          }
        }
      }
      respond(exchange, 200, "{\"open\": " + open.size() + "}");
    }
  }

  /**
   * {@code GET /jobs}: {@code {"open": N}}, the jobs the engine holds for a worker to do, whether a
   * worker has them in hand or not: created and not yet completed, cancelled, thrown as an error or
   * failed for good (an incident, which {@code /incidents} counts). The driver waits for none
   * before it moves the clock again, since a service restarting after a kill works them late.
   */
  private void jobs(HttpExchange exchange) throws IOException {
    try (exchange) {
      Set<Long> open = new HashSet<>();
      for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
        if (record.getRecordType() != RecordType.EVENT || record.getValueType() != ValueType.JOB) {
          continue;
        }
        if (record.getIntent() == JobIntent.CREATED) {
          open.add(record.getKey());
        } else if (record.getIntent() == JobIntent.COMPLETED
            || record.getIntent() == JobIntent.CANCELED
            || record.getIntent() == JobIntent.ERROR_THROWN
            || (record.getIntent() == JobIntent.FAILED
                && ((JobRecordValue) record.getValue()).getRetries() <= 0)) {
          open.remove(record.getKey());
        }
      }
      respond(exchange, 200, "{\"open\": " + open.size() + "}");
    }
  }

  /**
   * {@code GET /journeys}: the debt id of every dunning journey the engine created and ran, one a
   * line (a debt twice is a journey started twice: the replicas variant of bin/fault-injection
   * fails on it). {@code GET /duplicate-journeys}: those that ended at their start instead, at
   * {@code DuplicateJourneyEndedEndEvent}, their debt held by another journey (the starter died
   * between the engine and its commit; see {@code JourneyClaims}): created, but never ran a step;
   * agreement journeys ended so are listed under their agreement's first debt, as the timeline
   * records them.
   */
  private void journeys(HttpExchange exchange, boolean duplicates) throws IOException {
    try (exchange) {
      Map<Long, String> debtByJourney = new HashMap<>();
      Set<Long> endedAsDuplicates = new HashSet<>();
      for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
        if (record.getRecordType() != RecordType.EVENT) {
          continue;
        }
        if (record.getValueType() == ValueType.VARIABLE
            && record.getIntent() == VariableIntent.CREATED
            && record.getValue() instanceof VariableRecordValue variable
            && variable.getScopeKey() == variable.getProcessInstanceKey()
            && variable.getName().equals("debtId")
            && (variable.getBpmnProcessId().equals("dunning-journey")
                || duplicates && variable.getBpmnProcessId().equals("agreement-journey"))) {
          debtByJourney.put(
              variable.getProcessInstanceKey(), variable.getValue().replace("\"", ""));
        } else if (record.getValueType() == ValueType.PROCESS_INSTANCE
            && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            && record.getValue() instanceof ProcessInstanceRecordValue element
            && (element.getElementId().equals("DuplicateJourneyEndedEndEvent")
                || element.getElementId().equals("DuplicateAgreementJourneyEndedEndEvent"))) {
          endedAsDuplicates.add(element.getProcessInstanceKey());
        }
      }
      StringBuilder debts = new StringBuilder();
      debtByJourney.forEach(
          (journey, debtId) -> {
            if (endedAsDuplicates.contains(journey) == duplicates) {
              debts.append(debtId).append('\n');
            }
          });
      respond(exchange, 200, debts.toString());
    }
  }

  /**
   * {@code GET /mails}: the {@code X-Regua-Contact} header (the contact's idempotency key) of every
   * message the SMTP server received, one a line: what the provider got, to hold against the
   * contact log (docs/crash-safety.md).
   */
  private static void mails(HttpExchange exchange, GreenMail mail) throws IOException {
    try (exchange) {
      StringBuilder keys = new StringBuilder();
      for (MimeMessage message : mail.getReceivedMessages()) {
        try {
          String[] key = message.getHeader("X-Regua-Contact");
          keys.append(key == null ? "(none)" : key[0]).append('\n');
        } catch (MessagingException e) {
          keys.append("(unreadable)\n");
        }
      }
      byte[] bytes = keys.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The bureau API of negativation/CreditBureauClient, idempotent by Idempotency-Key. */
  private void creditBureau(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rest =
          exchange.getRequestURI().getPath().substring("/credit-bureau/v1/negativations".length());
      String method = exchange.getRequestMethod();
      if ("POST".equals(method) && rest.isEmpty()) {
        body(exchange);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        boolean[] created = {false};
        String protocol =
            protocolByKey.computeIfAbsent(
                key == null ? "none-" + protocols.get() : key,
                k -> {
                  created[0] = true;
                  String p = "FI-" + protocols.incrementAndGet();
                  statusByProtocol.put(p, "ACTIVE");
                  return p;
                });
        respond(exchange, created[0] ? 201 : 200, negativation(protocol));
      } else if ("POST".equals(method) && rest.endsWith("/removal")) {
        String protocol = rest.substring(1, rest.length() - "/removal".length());
        if (statusByProtocol.replace(protocol, "REMOVED") == null) {
          respond(exchange, 404, "{}");
        } else {
          respond(exchange, 202, negativation(protocol));
        }
      } else if ("GET".equals(method) && rest.startsWith("/")) {
        String protocol = rest.substring(1);
        respond(
            exchange,
            statusByProtocol.containsKey(protocol) ? 200 : 404,
            statusByProtocol.containsKey(protocol) ? negativation(protocol) : "{}");
      } else {
        respond(exchange, 404, "{}");
      }
    }
  }

  private String negativation(String protocol) {
    return "{\"protocol\": \""
        + protocol
        + "\", \"status\": \""
        + statusByProtocol.get(protocol)
        + "\"}";
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
