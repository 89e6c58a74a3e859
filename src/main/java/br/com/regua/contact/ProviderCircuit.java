package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.contact.letter.PrintProviderUnavailableException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per channel's provider: after {@code failureThreshold} failures in a row (down,
 * 5xx, timeouts) the provider is not called for {@code openFor}; contacts on that channel fail at
 * once (the job is retried later with its backoff) instead of each holding a worker thread until
 * its timeout. After that time one call goes through: success closes the circuit, a failure opens
 * it again. Wall-clock time, not the engine's clock: it measures real outages.
 */
@Component
public class ProviderCircuit {

  private static final Logger log = LoggerFactory.getLogger(ProviderCircuit.class);

  private final int failureThreshold;
  private final long openForNanos;
  private final LongSupplier nanoTime;
  private final Map<Channel, State> states = new EnumMap<>(Channel.class);

  private static final class State {
    int failures;
    long openUntil;
    boolean open;
    String lastFailure;
  }

  @Autowired
  ProviderCircuit(
      @Value("${regua.providers.circuit.failure-threshold:5}") int failureThreshold,
      @Value("${regua.providers.circuit.open-for:30s}") Duration openFor) {
    this(failureThreshold, openFor, System::nanoTime);
  }

  ProviderCircuit(int failureThreshold, Duration openFor, LongSupplier nanoTime) {
    this.failureThreshold = failureThreshold;
    this.openForNanos = openFor.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Whether the exception is the provider's failure (not the recipient's nor ours). */
  public static boolean isProviderFailure(RuntimeException e) {
    return e instanceof ChannelDeliveryException
        || e instanceof PrintProviderUnavailableException
        || e instanceof MailException;
  }

  /**
   * @throws ChannelDeliveryException while the channel's circuit is open
   */
  synchronized void beforeCall(Channel channel) {
    State state = states.computeIfAbsent(channel, c -> new State());
    if (state.open && nanoTime.getAsLong() < state.openUntil) {
      throw new ChannelDeliveryException(
          channel
              + " provider not called: "
              + state.failures
              + " failures in a row, circuit open; last: "
              + state.lastFailure);
    }
  }

  synchronized void success(Channel channel) {
    State state = states.computeIfAbsent(channel, c -> new State());
    if (state.open) {
      log.info("{} provider answers again: circuit closed", channel);
    }
    state.failures = 0;
    state.open = false;
  }

  synchronized void failure(Channel channel, RuntimeException e) {
    State state = states.computeIfAbsent(channel, c -> new State());
    state.failures++;
    state.lastFailure = e.getMessage();
    if (state.failures >= failureThreshold) {
      if (!state.open) {
        log.warn(
            "{} provider failed {} times in a row: not called for {} s",
            channel,
            state.failures,
            Duration.ofNanos(openForNanos).toSeconds());
      }
      state.open = true;
      state.openUntil = nanoTime.getAsLong() + openForNanos;
    }
  }

  synchronized boolean isOpen(Channel channel) {
    State state = states.get(channel);
    return state != null && state.open && nanoTime.getAsLong() < state.openUntil;
  }
}
