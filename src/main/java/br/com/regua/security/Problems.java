package br.com.regua.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** 401 and 403 as problem+json, like every other error of the API. */
final class Problems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  static void unauthorized(HttpServletResponse response, String detail) throws IOException {
    write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }

  static void forbidden(HttpServletResponse response, String detail) throws IOException {
    write(response, HttpStatus.FORBIDDEN, "Forbidden", detail);
  }
}
