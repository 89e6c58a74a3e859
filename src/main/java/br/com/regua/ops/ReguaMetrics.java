package br.com.regua.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The service's own meters, at {@code /actuator/prometheus}:
 *
 * <ul>
 *   <li>{@code regua_contacts_total{channel, outcome}}: every attempt the contact log records;
 *   <li>{@code regua_contact_postponements_total{reason}}: contacts the policy postponed ({@code
 *       hours}: outside the state's hours, {@code daily-limit}: the debtor's daily limit);
 *   <li>{@code regua_journeys{status}}: debts by status, read from the database ({@code
 *       debt/JourneyStatusGauges});
 *   <li>{@code regua_worker_seconds{type, outcome}}: how long each job worker took, {@code outcome}
 *       {@code completed} or {@code failed} ({@link WorkerObservation});
 *   <li>{@code regua_outbox_pending}, {@code regua_outbox_lag_seconds}: the journey message outbox
 *       ({@code engine/OutboxGauges}).
 * </ul>
 */
@Component
public class ReguaMetrics {

  private final MeterRegistry registry;

  ReguaMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void contactRecorded(String channel, String outcome) {
    Counter.builder("regua.contacts")
        .description("Contact attempts recorded in the contact log")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void contactPostponed(String reason) {
    Counter.builder("regua.contact.postponements")
        .description("Contacts the contact policy postponed")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  void workerRan(String jobType, boolean failed, Duration took) {
    Timer.builder("regua.worker")
        .description("Job worker executions")
        .tag("type", jobType)
        .tag("outcome", failed ? "failed" : "completed")
        .register(registry)
        .record(took);
  }
}
