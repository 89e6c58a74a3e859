package br.com.regua.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Puts the debt a request is about into the MDC ({@code debtId}) for every line logged while it is
 * handled: from the path ({@code /api/debts/{debtId}/…}) or, for requests that name it in their
 * body (registration, engagement events), from the body's {@code debtId}. Removed when the request
 * completes.
 */
@ControllerAdvice
class RequestDebtMdc extends RequestBodyAdviceAdapter implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    instanceof Map<?, ?> variables
                && variables.get(DebtMdc.KEY) instanceof String debtId) {
              MDC.put(DebtMdc.KEY, debtId);
            }
            return true;
          }

          @Override
          public void afterCompletion(
              HttpServletRequest request,
              HttpServletResponse response,
              Object handler,
              Exception ex) {
            MDC.remove(DebtMdc.KEY);
          }
        });
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return parameter.getParameterType().isRecord();
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    if (MDC.get(DebtMdc.KEY) == null && body != null && body.getClass().isRecord()) {
      for (RecordComponent component : body.getClass().getRecordComponents()) {
        if (component.getName().equals(DebtMdc.KEY)) {
          try {
            if (accessible(component).invoke(body) instanceof String debtId) {
              MDC.put(DebtMdc.KEY, debtId);
            }
          } catch (ReflectiveOperationException e) {
            // not readable: the request logs without a debt id
          }
        }
      }
    }
    return body;
  }

  private static java.lang.reflect.Method accessible(RecordComponent component) {
    java.lang.reflect.Method accessor = component.getAccessor();
    accessor.trySetAccessible();
    return accessor;
  }
}
