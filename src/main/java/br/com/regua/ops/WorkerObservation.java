package br.com.regua.ops;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.MDC;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Wraps every {@code @JobWorker} method: the debt it works on goes into the MDC for every line it
 * logs, and its duration and outcome into {@code regua_worker_seconds{type, outcome}}. The debt id
 * is read from what the worker receives: the {@code ActivatedJob}'s variables, a {@code debtId}
 * variable parameter, or a {@code debtId} component of its variables record.
 */
@Configuration(proxyBeanMethods = false)
class WorkerObservation {

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor jobWorkerObservation(ObjectProvider<ReguaMetrics> metrics) {
    MethodInterceptor interceptor =
        invocation -> {
          JobWorker worker = invocation.getMethod().getAnnotation(JobWorker.class);
          String type =
              worker == null || worker.type().isEmpty()
                  ? invocation.getMethod().getName()
                  : worker.type();
          String previous = MDC.get(DebtMdc.KEY);
          String debtId = debtId(invocation);
          if (debtId != null) {
            MDC.put(DebtMdc.KEY, debtId);
          }
          long start = System.nanoTime();
          boolean failed = true;
          try {
            Object result = invocation.proceed();
            failed = false;
            return result;
          } finally {
            metrics
                .getObject()
                .workerRan(type, failed, Duration.ofNanos(System.nanoTime() - start));
            if (previous == null) {
              MDC.remove(DebtMdc.KEY);
            } else {
              MDC.put(DebtMdc.KEY, previous);
            }
          }
        };
    return new DefaultPointcutAdvisor(
        AnnotationMatchingPointcut.forMethodAnnotation(JobWorker.class), interceptor);
  }

  static String debtId(MethodInvocation invocation) {
    Object[] args = invocation.getArguments();
    Method method = invocation.getMethod();
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof ActivatedJob job) {
        Object value = job.getVariablesAsMap().get(DebtMdc.KEY);
        if (value != null) {
          return value.toString();
        }
      } else if (arg instanceof String s && isDebtIdVariable(parameters[i])) {
        return s;
      } else if (arg != null && arg.getClass().isRecord()) {
        for (RecordComponent component : arg.getClass().getRecordComponents()) {
          if (component.getName().equals(DebtMdc.KEY)) {
            try {
              Object value = accessible(component).invoke(arg);
              if (value != null) {
                return value.toString();
              }
            } catch (ReflectiveOperationException e) {
              return null;
            }
          }
        }
      }
    }
    return null;
  }

  private static boolean isDebtIdVariable(Parameter parameter) {
    Variable variable = parameter.getAnnotation(Variable.class);
    if (variable == null) {
      return false;
    }
    String name = !variable.name().isEmpty() ? variable.name() : variable.value();
    return DebtMdc.KEY.equals(name.isEmpty() ? parameter.getName() : name);
  }

  private static java.lang.reflect.Method accessible(RecordComponent component) {
    java.lang.reflect.Method accessor = component.getAccessor();
    accessor.trySetAccessible();
    return accessor;
  }
}
