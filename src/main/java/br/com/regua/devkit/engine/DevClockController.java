package br.com.regua.devkit.engine;

import br.com.regua.api.InvalidFieldException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the embedded engine's clock, so a person or a test can live through a month of the journey
 * in seconds; the move survives a restart ({@link EngineClockStore}). It does not exist in remote
 * mode: a real cluster keeps real time. With {@code settle}, the answer waits until the work the
 * move made due is done ({@link EngineWork#awaitSettled}), as a driver walking day by day needs.
 */
@RestController
@RequestMapping("/api/dev/clock")
@ConditionalOnBean(EmbeddedEngine.class)
class DevClockController {

  private final EmbeddedEngine engine;
  private final EngineClockStore store;
  private final EngineWork work;

  DevClockController(EmbeddedEngine engine, EngineClockStore store, EngineWork work) {
    this.engine = engine;
    this.store = store;
    this.work = work;
  }

  @GetMapping
  ClockView read() {
    return new ClockView(engine.now(), null);
  }

  @PostMapping
  ClockView advance(@RequestBody @jakarta.validation.Valid AdvanceRequest request) {
    if (request.advance().isNegative() || request.advance().isZero()) {
      throw new InvalidFieldException("advance", "must be a positive ISO-8601 duration, e.g. P3D");
    }
    if (request.settle() != null
        && (request.settle().isNegative() || request.settle().compareTo(MAX_SETTLE) > 0)) {
      throw new InvalidFieldException("settle", "must be a duration from PT0S to " + MAX_SETTLE);
    }
    // stored before the engine moves: a kill in between must not bring the clock back a day
    // behind timers that already fired at the new time (EngineClockStore.saveAhead)
    store.saveAhead(request.advance());
    if (request.settle() != null) {
      Set<Long> openBefore = work.openJobsNow();
      Instant now = engine.move(request.advance());
      store.save();
      return new ClockView(now, work.awaitSettled(now, request.settle(), openBefore));
    }
    Instant now = engine.advance(request.advance());
    store.save();
    return new ClockView(now, null);
  }

  private static final Duration MAX_SETTLE = Duration.ofMinutes(2);

  /**
   * {@code settle}: at most how long to wait for the work due by the new time (jobs, timers);
   * without it, the answer comes once the engine looks idle, or after about two seconds.
   */
  record AdvanceRequest(@NotNull Duration advance, Duration settle) {}

  /** {@code settled}: whether that work was done within {@code settle} (absent without it). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ClockView(Instant now, Boolean settled) {}
}
