package br.com.regua.desk;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The agent desk's page: {@code static/desk/}, bundled from {@code desk/} by npm during the Maven
 * build. {@code /} leads to it, the service's only page.
 */
@Controller
class DeskPageController {

  @GetMapping("/")
  String root() {
    return "redirect:/desk/";
  }

  @GetMapping("/desk")
  String desk() {
    return "redirect:/desk/";
  }

  @GetMapping("/desk/")
  String page() {
    return "forward:/desk/index.html";
  }
}
