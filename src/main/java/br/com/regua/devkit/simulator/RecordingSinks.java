package br.com.regua.devkit.simulator;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ChannelSender;
import br.com.regua.debt.Debt;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The providers of the simulation: every channel's messages are counted and kept per debt instead
 * of leaving the machine, and each channel accepts at most {@code ratePerSecond} messages a second
 * (a provider's rate limit; 0 for none), so a due-date storm costs what it would.
 */
public final class RecordingSinks {

  /**
   * A message as the debtor received it, on the São Paulo calendar day it was sent; {@code
   * acceptedAtMillis} is the wall-clock time the provider accepted it (the engine's clock is pinned
   * and jumps, so it cannot say when, in real time, the debtor was reached).
   */
  public record Message(
      LocalDate day, Channel channel, String template, boolean afterDue, long acceptedAtMillis) {}

  private final Clock clock;
  private final Map<String, List<Message>> byDebt = new ConcurrentHashMap<>();
  private final Map<Channel, AtomicLong> totals = new EnumMap<>(Channel.class);
  private final Map<Channel, RateLimiter> limiters = new EnumMap<>(Channel.class);
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong lastSend = new AtomicLong();

  /** What a message says: the simulator keeps its text, so the audit can read it as sent. */
  @FunctionalInterface
  public interface Renderer {
    String render(Channel channel, String template, Debt debt, Map<String, ?> values);
  }

  private final Renderer renderer;

  /** Records only the template's name as each message's text. */
  public RecordingSinks(Clock clock, int ratePerSecond) {
    this(clock, ratePerSecond, (channel, template, debt, values) -> template);
  }

  public RecordingSinks(Clock clock, int ratePerSecond, Renderer renderer) {
    this.clock = clock;
    this.renderer = renderer;
    for (Channel channel : Channel.values()) {
      totals.put(channel, new AtomicLong());
      limiters.put(channel, new RateLimiter(ratePerSecond));
    }
  }

  /** The sender that stands in for the channel's provider. */
  public ChannelSender sender(Channel channel) {
    return new ChannelSender() {
      @Override
      public Channel channel() {
        return channel;
      }

      @Override
      public Delivery send(Debt debt, String template, Map<String, ?> values, String contactKey) {
        limiters.get(channel).acquire();
        LocalDate today = LocalDate.now(clock);
        List<Message> messages = byDebt.computeIfAbsent(debt.debtId(), id -> new ArrayList<>(8));
        synchronized (messages) {
          messages.add(
              new Message(
                  today,
                  channel,
                  template,
                  today.isAfter(debt.dueDate()),
                  System.currentTimeMillis()));
        }
        totals.get(channel).incrementAndGet();
        lastSend.set(System.nanoTime());
        return new Delivery(
            "sim-" + channel.name().toLowerCase() + "-" + sequence.incrementAndGet(),
            renderer.render(channel, template, debt, values));
      }
    };
  }

  /** Each provider's limit, in messages per second (0: none). */
  public void setRate(int ratePerSecond) {
    limiters.values().forEach(limiter -> limiter.setRate(ratePerSecond));
  }

  /** Forgets what was received (between benchmark phases). */
  public void clear() {
    byDebt.clear();
  }

  /** What the debt's debtor received, oldest first. */
  public List<Message> received(String debtId) {
    List<Message> messages = byDebt.get(debtId);
    if (messages == null) {
      return List.of();
    }
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** When the last message was accepted ({@link System#nanoTime()}). */
  public long lastSendNanos() {
    return lastSend.get();
  }

  public long total(Channel channel) {
    return totals.get(channel).get();
  }

  public long total() {
    return totals.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Spaces permits {@code 1/rate} seconds apart; callers wait their turn. */
  static final class RateLimiter {
    private volatile long intervalNanos;
    private long nextFree = System.nanoTime();

    RateLimiter(int ratePerSecond) {
      setRate(ratePerSecond);
    }

    void setRate(int ratePerSecond) {
      this.intervalNanos = ratePerSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
    }

    void acquire() {
      if (intervalNanos == 0) {
        return;
      }
      long slot;
      synchronized (this) {
        long now = System.nanoTime();
        slot = Math.max(now, nextFree);
        nextFree = slot + intervalNanos;
      }
      long wait;
      while ((wait = slot - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }
}
