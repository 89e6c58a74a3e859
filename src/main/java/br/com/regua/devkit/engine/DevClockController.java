package br.com.regua.devkit.engine;

import br.com.regua.api.InvalidFieldException;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the embedded engine's clock, so a person or a test can live through a month of the journey
 * in seconds; the move survives a restart ({@link EngineClockStore}). It does not exist in remote
 * mode: a real cluster keeps real time.
 */
@RestController
@RequestMapping("/api/dev/clock")
@ConditionalOnBean(EmbeddedEngine.class)
class DevClockController {

  private final EmbeddedEngine engine;
  private final EngineClockStore store;

  DevClockController(EmbeddedEngine engine, EngineClockStore store) {
    this.engine = engine;
    this.store = store;
  }

  @GetMapping
  ClockView read() {
    return new ClockView(engine.now());
  }

  @PostMapping
  ClockView advance(@RequestBody @jakarta.validation.Valid AdvanceRequest request) {
    if (request.advance().isNegative() || request.advance().isZero()) {
      throw new InvalidFieldException("advance", "must be a positive ISO-8601 duration, e.g. P3D");
    }
    store.saveAhead(request.advance());
    Instant now = engine.advance(request.advance());
    store.save();
    return new ClockView(now);
  }

  record AdvanceRequest(@NotNull Duration advance) {}

  record ClockView(Instant now) {}
}
