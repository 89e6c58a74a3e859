package br.com.regua.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The advice Spring puts around every {@code @JobWorker} method, on a worker of this test: the debt
 * id is in the MDC while it works (and gone after), and its runs are timed by type and outcome.
 */
class WorkerObservationTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Worker target = new Worker();
  private final Worker worker = observed(target);

  @Test
  void theDebtIdIsInTheMdcWhileTheWorkerRuns() {
    worker.byVariable("INV-1");
    worker.byRecord(new Input("INV-2", "D+3"));
    assertThat(target.seen).containsExactly("INV-1", "INV-2");
    assertThat(MDC.get(DebtMdc.KEY)).isNull();
  }

  @Test
  void runsAreTimedByJobTypeAndFailuresCounted() {
    worker.byVariable("INV-3");
    assertThatThrownBy(() -> worker.failing("INV-4")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> worker.failing("INV-5")).isInstanceOf(IllegalStateException.class);

    assertThat(target.seen).containsExactly("INV-3", "INV-4", "INV-5");
    assertThat(timerCount("by-variable", "completed")).isEqualTo(1);
    assertThat(timerCount("failing", "failed")).isEqualTo(2);
    assertThat(timerCount("failing", "completed")).isZero();
    assertThat(MDC.get(DebtMdc.KEY)).isNull();
  }

  private long timerCount(String type, String outcome) {
    var timer = registry.find("regua.worker").tag("type", type).tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private Worker observed(Worker target) {
    var beans = new DefaultListableBeanFactory();
    beans.registerSingleton("metrics", new ReguaMetrics(registry));
    Advisor advisor =
        WorkerObservation.jobWorkerObservation(beans.getBeanProvider(ReguaMetrics.class));
    ProxyFactory proxy = new ProxyFactory(target);
    proxy.setProxyTargetClass(true);
    proxy.addAdvisor(advisor);
    return (Worker) proxy.getProxy();
  }

  record Input(String debtId, String step) {}

  static class Worker {
    final List<String> seen = new ArrayList<>();

    @JobWorker(type = "by-variable")
    public void byVariable(@Variable String debtId) {
      seen.add(MDC.get(DebtMdc.KEY));
    }

    @JobWorker(type = "by-record")
    public void byRecord(Input input) {
      seen.add(MDC.get(DebtMdc.KEY));
    }

    @JobWorker(type = "failing")
    public void failing(@Variable("debtId") String id) {
      seen.add(MDC.get(DebtMdc.KEY));
      throw new IllegalStateException("bureau down");
    }
  }
}
