package br.com.regua.tasks;

import br.com.regua.api.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' Camunda Forms by form id ({@code zeebe:formDefinition formId}), as the files of
 * {@code forms/} say them: the agent desk renders a task's form from here with form-js, so the desk
 * and Tasklist show the same form. Read once at start, from the classpath copy of {@code forms/}
 * the application also deploys.
 */
@RestController
@RequestMapping("/api/forms")
class AgentFormController {

  private final Map<String, JsonNode> forms;

  AgentFormController(ObjectMapper json) {
    this.forms = load(json);
  }

  @GetMapping
  Map<String, String> list() {
    Map<String, String> titles = new TreeMap<>();
    forms.keySet().forEach(id -> titles.put(id, "/api/forms/" + id));
    return titles;
  }

  @GetMapping("/{formId}")
  ResponseEntity<JsonNode> form(@PathVariable String formId) {
    JsonNode form = forms.get(formId);
    if (form == null) {
      throw new NotFoundException("form " + formId + " is not in forms/");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(form);
  }

  private static Map<String, JsonNode> load(ObjectMapper json) {
    Map<String, JsonNode> byId = new TreeMap<>();
    try {
      for (Resource file :
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = file.getInputStream()) {
          JsonNode form = json.readTree(in);
          byId.put(form.path("id").asText(file.getFilename()), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms of forms/", e);
    }
    return Map.copyOf(byId);
  }
}
