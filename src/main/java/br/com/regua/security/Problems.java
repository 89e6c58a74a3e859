package br.com.regua.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * 401 and 403 as problem+json, like every other error of the API: the same members as Spring writes
 * for the others ({@code instance} the path asked for), and none that is empty ({@link
 * ProblemDetailJacksonMixin}, which Spring's own mapper uses): a plain mapper wrote {@code
 * "instance":null,"properties":null}.
 */
final class Problems {

  private static final ObjectMapper JSON =
      new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

  private Problems() {}

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }

  static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail);
  }
}
