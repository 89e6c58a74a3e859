package br.com.regua.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A portal request the pages never send (a field missing, a boleto number that is not one): back to
 * the link's page rather than the API's problem+json, which a debtor should never see.
 */
@Order(Ordered.HIGHEST_PRECEDENCE) // before the API's handler of the same exceptions
@ControllerAdvice(assignableTypes = {PortalController.class, PortalActionController.class})
class PortalErrors {

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<String> backToTheLink(HttpServletRequest request) {
    String token = request.getRequestURI().substring("/portal/".length()).split("/", 2)[0];
    return PortalSession.redirect(token);
  }
}
