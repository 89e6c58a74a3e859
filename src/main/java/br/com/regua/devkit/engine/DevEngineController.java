package br.com.regua.devkit.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the embedded engine has in hand ({@link EngineWork}): the process instances it runs, its
 * open jobs, timers, user tasks and incidents, and how often it was restarted after a failure. A
 * driver checks against it that no journey outlives its debt (bin/soak). Embedded mode only.
 */
@RestController
@RequestMapping("/api/dev/engine")
@ConditionalOnBean(EmbeddedEngine.class)
class DevEngineController {

  private final EmbeddedEngine engine;
  private final EngineWork work;

  DevEngineController(EmbeddedEngine engine, EngineWork work) {
    this.engine = engine;
    this.work = work;
  }

  @GetMapping
  EngineView read() {
    EngineWork.Snapshot open = work.snapshot();
    return new EngineView(
        engine.restarts(),
        engine.failed(),
        engine.logSize(),
        open.liveInstances(),
        open.openJobsByType(),
        open.openTimers(),
        open.earliestTimerDue(),
        open.openUserTasks(),
        open.openIncidents());
  }

  record EngineView(
      int restarts,
      boolean failed,
      String log,
      List<EngineWork.Instance> liveInstances,
      Map<String, Long> openJobs,
      int openTimers,
      Instant earliestTimerDue,
      int openUserTasks,
      int openIncidents) {}
}
