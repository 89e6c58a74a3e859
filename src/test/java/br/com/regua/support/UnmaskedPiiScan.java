package br.com.regua.support;

import br.com.regua.ops.logging.PiiMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * After the tests ({@code mvn verify}, exec-maven-plugin): reads what every test JVM wrote to its
 * console, kept by Surefire in {@code target/surefire-reports/TEST-*.xml} ({@code system-out},
 * {@code system-err}), and fails listing each line that still holds a debtor's CPF, CNPJ, phone or
 * email: a value {@link PiiMasker} would mask, or one of the CPFs {@link TestDebtors} handed out
 * this run, or the phone {@link Api} gives every test debtor, in any spelling (the masker might
 * miss a shape it does not know).
 */
public final class UnmaskedPiiScan {

  /** The lines a scan read and the ones that leak, each prefixed by its report's name. */
  public record Result(int files, long lines, List<String> leaks) {}

  /** The number of {@link Api#debt}'s debtor, +55 11 98765-4321, as it may be written. */
  private static final List<String> TEST_PHONE_SPELLINGS =
      List.of("987654321", "98765-4321", "98765 4321", "8765-4321", "8765 4321");

  private UnmaskedPiiScan() {}

  public static void main(String[] args) throws Exception {
    Path reports = Path.of(args.length > 0 ? args[0] : "target/surefire-reports");
    Path cpfs = Path.of(args.length > 1 ? args[1] : TestDebtors.ISSUED_CPFS.toString());
    Result result = scan(reports, knownCpfs(cpfs));
    String summary =
        "Unmasked PII scan: %d lines of test output in %d reports, %d leaking"
            .formatted(result.lines(), result.files(), result.leaks().size());
    if (!result.leaks().isEmpty()) {
      throw new AssertionError(
          summary
              + " (see ops/logging/PiiMasker):\n"
              + String.join("\n", result.leaks().stream().limit(200).toList()));
    }
    System.out.println(summary);
  }

  public static Set<String> knownCpfs(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Set.of();
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .collect(LinkedHashSet::new, Set::add, Set::addAll);
    }
  }

  public static Result scan(Path reportsDir, Set<String> knownCpfs) throws Exception {
    List<Path> reports;
    try (Stream<Path> files = Files.list(reportsDir)) {
      reports =
          files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
    }
    List<String> spellings = new ArrayList<>(TEST_PHONE_SPELLINGS);
    for (String cpf : knownCpfs) {
      spellings.add(cpf);
      spellings.add(TestDebtors.formatted(cpf));
    }
    long lines = 0;
    List<String> leaks = new ArrayList<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    for (Path report : reports) {
      Document xml = factory.newDocumentBuilder().parse(report.toFile());
      for (String element : List.of("system-out", "system-err")) {
        NodeList outputs = xml.getElementsByTagName(element);
        for (int i = 0; i < outputs.getLength(); i++) {
          for (String line : outputs.item(i).getTextContent().split("\\R")) {
            lines++;
            if (leaks(line, spellings)) {
              leaks.add(report.getFileName() + ": " + line);
            }
          }
        }
      }
    }
    return new Result(reports.size(), lines, leaks);
  }

  static boolean leaks(String line, List<String> knownSpellings) {
    if (!PiiMasker.mask(line).equals(line)) {
      return true;
    }
    for (String value : knownSpellings) {
      if (line.contains(value)) {
        return true;
      }
    }
    return false;
  }
}
