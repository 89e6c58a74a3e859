package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.debtor.DebtorSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Forms in {@code forms/} as Tasklist and the BPMN need them: plain file checks, no
 * engine (see FormsDeploymentTest for that).
 *
 * <p>The links are checked against the models in {@code bpmn/} and the test model in {@code
 * bpmn-test/}. The journey's user tasks reach {@code bpmn/} with the lead's collection models; from
 * then on every formId and every gateway comparison in them is checked here with no change.
 */
class FormsTest {

  private static final Path FORMS = Path.of("forms");
  private static final List<Path> MODEL_FOLDERS =
      List.of(Path.of("bpmn"), Path.of("src/test/resources/bpmn-test"));
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** {@code name = "VALUE"} or {@code name != "VALUE"} in a FEEL condition. */
  private static final Pattern COMPARISON = Pattern.compile("([\\w.]+)\\s*!?=\\s*\"([^\"]*)\"");

  /** What a worker provides for the agent to read before calling. */
  private static final List<String> CONTEXT =
      List.of(
          "debtorName",
          "amount",
          "dueDate",
          "openBalance",
          "strategyName",
          "historyAsOf",
          "debtorTotalOpen",
          "promisesKept",
          "promisesBroken");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, JsonNode> forms = readForms();

  @Test
  void everyFormHasTheAttributesCamunda88Needs() {
    assertThat(forms).isNotEmpty();
    forms.forEach(
        (fileName, form) -> {
          assertThat(form.path("id").asText()).as(fileName).isEqualTo(fileName);
          assertThat(form.path("type").asText()).as(fileName).isEqualTo("default");
          assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
          assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("8.8.0");
          assertThat(form.path("schemaVersion").asInt()).as(fileName).isEqualTo(19);
          assertThat(form.path("exporter").path("name").asText()).isEqualTo("Camunda Modeler");
          List<JsonNode> components = components(form);
          assertThat(components).as(fileName).isNotEmpty();
          assertThat(components)
              .as("%s: every component has a type and a unique id", fileName)
              .allMatch(c -> c.hasNonNull("type"))
              .extracting(c -> c.path("id").asText())
              .doesNotHaveDuplicates()
              .doesNotContain("");
          assertThat(components)
              .as("%s: stable English camelCase keys", fileName)
              .filteredOn(c -> c.has("key"))
              .extracting(c -> c.path("key").asText())
              .allMatch(key -> key.matches("[a-z][A-Za-z]*"))
              .doesNotHaveDuplicates();
        });
  }

  @Test
  void formIdsAreUnique() {
    List<String> ids = forms.values().stream().map(f -> f.path("id").asText()).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void everyFormTheModelsLinkIsAForm() {
    List<String> linked = new ArrayList<>();
    for (Document model : models()) {
      NodeList links = model.getElementsByTagNameNS(ZEEBE, "formDefinition");
      for (int i = 0; i < links.getLength(); i++) {
        String formId = ((Element) links.item(i)).getAttribute("formId");
        if (!formId.isEmpty()) {
          linked.add(formId);
        }
      }
    }
    assertThat(linked).as("the models link at least the test model's form").isNotEmpty();
    assertThat(forms.keySet()).containsAll(linked);
  }

  @Test
  void everyValueAGatewayComparesIsAnOptionOfTheForm() {
    Map<String, Set<String>> optionsByKey = new TreeMap<>();
    forms.values().stream()
        .flatMap(form -> components(form).stream())
        .filter(c -> c.path("type").asText().equals("select"))
        .forEach(c -> optionsByKey.put(c.path("key").asText(), optionValues(c)));

    int checked = 0;
    for (Document model : models()) {
      NodeList conditions = model.getElementsByTagNameNS(BPMN, "conditionExpression");
      for (int i = 0; i < conditions.getLength(); i++) {
        Matcher comparison = COMPARISON.matcher(conditions.item(i).getTextContent());
        while (comparison.find()) {
          Set<String> options = optionsByKey.get(comparison.group(1));
          if (options != null) {
            assertThat(options).as(comparison.group()).contains(comparison.group(2));
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("comparisons against a form's answer found").isPositive();
  }

  /** The answers the journey branches on (callOutcome = "PROMISED", ...) and what agents see. */
  @ParameterizedTest
  @CsvSource({
    "preventive-call, callOutcome, WILL_PAY PROMISED DIFFICULTY UNREACHABLE",
    "extra-day-call, extraDayOutcome, ACCEPTED DECLINED UNREACHABLE",
    "negotiation-call, negotiationOutcome, PROMISED AGREEMENT AGREEMENT_PROPOSED REFUSED UNREACHABLE",
    "dispute-review, disputeResolution, RESUME CANCEL"
  })
  void eachFormAsksForARequiredAnswerAmongTheOutcomesTheJourneyKnows(
      String formId, String key, String values) {
    JsonNode answer = field(formId, key);
    assertThat(answer.path("type").asText()).isEqualTo("select");
    assertThat(answer.path("validate").path("required").asBoolean()).isTrue();
    assertThat(optionValues(answer)).containsExactly(values.split(" "));
    assertThat(answer.findValues("label")).allMatch(label -> !label.asText().isBlank());
  }

  @ParameterizedTest
  @CsvSource({"preventive-call, callOutcome", "negotiation-call, negotiationOutcome"})
  void aPromisedDateIsRequiredAndAskedForOnlyWhenTheDebtorPromised(String formId, String outcome) {
    JsonNode promisedDate = field(formId, "promisedDate");
    assertThat(promisedDate.path("type").asText()).isEqualTo("datetime");
    assertThat(promisedDate.path("subtype").asText()).isEqualTo("date");
    assertThat(promisedDate.path("validate").path("required").asBoolean()).isTrue();
    assertThat(promisedDate.path("conditional").path("hide").asText())
        .isEqualTo("=" + outcome + " != \"PROMISED\"");
  }

  @Test
  void aNegotiationOfferStaysWithinTheStrategysLimits() {
    JsonNode discount = field("negotiation-call", "offeredDiscountPercent");
    assertThat(discount.path("type").asText()).isEqualTo("number");
    assertThat(discount.path("validate").path("min").asInt()).isZero();
    assertThat(discount.path("validate").path("max").asText()).isEqualTo("=maxDiscountPercent");
    JsonNode installments = field("negotiation-call", "offeredInstallments");
    assertThat(installments.path("decimalDigits").asInt()).isZero();
    assertThat(installments.path("validate").path("min").asInt()).isOne();
    assertThat(installments.path("validate").path("max").asText()).isEqualTo("=maxInstallments");
  }

  @Test
  void aDisputeCannotBeResolvedWithoutAJustification() {
    JsonNode notes = field("dispute-review", "resolutionNotes");
    assertThat(notes.path("type").asText()).isEqualTo("textarea");
    assertThat(notes.path("validate").path("required").asBoolean()).isTrue();
  }

  /**
   * The worker's context is shown in text views, never bound to an input: Tasklist submits every
   * input, read-only ones included, so a bound openBalance would write a stale copy back to the
   * process when the agent completes the task.
   */
  @ParameterizedTest
  @CsvSource({
    "preventive-call, ''",
    "extra-day-call, ''",
    "negotiation-call, maxDiscountPercent maxInstallments",
    "dispute-review, disputeReason"
  })
  void theContextIsShownReadOnlyAndNeverSubmitted(String formId, String extraContext) {
    List<String> context = new ArrayList<>(CONTEXT);
    if (!extraContext.isBlank()) {
      context.addAll(List.of(extraContext.split(" ")));
    }
    List<JsonNode> components = components(forms.get(formId));
    String shown =
        String.join(
            "\n",
            components.stream()
                .filter(c -> c.path("type").asText().equals("text"))
                .map(c -> c.path("text").asText())
                .toList());
    for (String variable : context) {
      assertThat(shown)
          .as("%s shows %s in a template", formId, variable)
          .containsPattern("\\{\\{[^}]*\\b" + variable + "\\b[^}]*}}");
    }
    assertThat(components)
        .as("%s: no input bound to the context", formId)
        .extracting(c -> c.path("key").asText())
        .doesNotContainAnyElementsOf(context);
  }

  /**
   * The debtor's history (PrepareAgentTaskWorker, DebtorSummary) as form-js tables: each table
   * reads one list variable and shows every field of its rows, so a renamed field shows up here.
   */
  @ParameterizedTest
  @CsvSource({"preventive-call", "extra-day-call", "negotiation-call", "dispute-review"})
  void everyFormShowsTheDebtorsHistoryAsTables(String formId) {
    Map<String, Class<? extends Record>> rowsBySource =
        Map.of(
            "=debtorDebts", DebtorSummary.DebtRow.class,
            "=recentContacts", DebtorSummary.ContactRow.class,
            "=debtorPromises", DebtorSummary.PromiseRow.class);
    List<JsonNode> tables =
        components(forms.get(formId)).stream()
            .filter(c -> c.path("type").asText().equals("table"))
            .toList();
    assertThat(tables)
        .extracting(t -> t.path("dataSource").asText())
        .containsExactlyInAnyOrderElementsOf(rowsBySource.keySet());
    for (JsonNode table : tables) {
      List<String> fields =
          Stream.of(rowsBySource.get(table.path("dataSource").asText()).getRecordComponents())
              .map(RecordComponent::getName)
              .toList();
      assertThat(table.path("columns").findValuesAsText("key"))
          .as("%s: columns of %s", formId, table.path("id").asText())
          .containsExactlyElementsOf(fields);
      assertThat(table.path("columns").findValuesAsText("label")).allMatch(l -> !l.isBlank());
      assertThat(table.has("key")).as("a table is never submitted").isFalse();
    }
  }

  private JsonNode field(String formId, String key) {
    assertThat(forms).containsKey(formId);
    return components(forms.get(formId)).stream()
        .filter(c -> c.path("key").asText().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(formId + " has no field " + key));
  }

  /** Every component, those nested in groups too. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }

  private static Set<String> optionValues(JsonNode select) {
    Set<String> values = new LinkedHashSet<>();
    select.path("values").forEach(option -> values.add(option.path("value").asText()));
    return values;
  }

  private static Map<String, JsonNode> readForms() {
    Map<String, JsonNode> forms = new TreeMap<>();
    for (Path file : files(FORMS, ".form")) {
      try {
        forms.put(file.getFileName().toString().replace(".form", ""), JSON.readTree(file.toFile()));
      } catch (IOException e) {
        throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
      }
    }
    return forms;
  }

  private static List<Document> models() {
    Set<Path> files = new HashSet<>();
    MODEL_FOLDERS.forEach(folder -> files.addAll(files(folder, ".bpmn")));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    List<Document> models = new ArrayList<>();
    for (Path file : files) {
      try {
        models.add(factory.newDocumentBuilder().parse(file.toFile()));
      } catch (Exception e) {
        throw new AssertionError(file + " is not a readable BPMN file", e);
      }
    }
    return models;
  }

  private static List<Path> files(Path folder, String extension) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
