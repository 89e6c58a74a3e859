package br.com.regua.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference in the README, docs/ and the code's comments leads to something that exists: a
 * moved class or a renamed document leaves no dangling pointer behind.
 */
class DocsReferencesTest {

  private static final Path JAVA_MAIN = Path.of("src/main/java/br/com/regua");
  private static final Path JAVA_TEST = Path.of("src/test/java/br/com/regua");

  /** A class named by its package path, as the docs write it: {@code contact/ContactService}. */
  private static final Pattern CLASS_PATH =
      Pattern.compile("`((?:[a-z]+/)+[A-Z][A-Za-z0-9]+)(?:[.#][A-Za-z_]+)?`");

  /** A Markdown link to a file of the repository. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

  /** A document of docs/ named anywhere: {@code docs/journey.md}. */
  private static final Pattern DOC = Pattern.compile("docs/[a-z0-9-]+\\.md");

  @Test
  void classesNamedByTheDocsExist() {
    List<String> missing = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher m = CLASS_PATH.matcher(read(doc));
      while (m.find()) {
        String path = m.group(1);
        if (Stream.of(JAVA_MAIN, JAVA_TEST, Path.of(""))
            .noneMatch(root -> Files.exists(root.resolve(path + ".java")))) {
          missing.add(doc + ": " + path);
        }
      }
    }
    assertThat(new TreeSet<>(missing)).as("classes the docs name that do not exist").isEmpty();
  }

  @Test
  void linksOfTheDocsLeadToFiles() {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher m = LINK.matcher(read(doc));
      while (m.find()) {
        String target = m.group(1);
        if (!target.contains("://") && !Files.exists(doc.resolveSibling(target))) {
          broken.add(doc + ": " + target);
        }
      }
    }
    assertThat(new TreeSet<>(broken)).as("links to files that do not exist").isEmpty();
  }

  @Test
  void documentsNamedInCodeAndDocsExist() {
    List<String> missing = new ArrayList<>();
    List<Path> sources = new ArrayList<>(documents());
    sources.addAll(files(Path.of("src"), ".java", ".yaml", ".xml"));
    for (Path source : sources) {
      Matcher m = DOC.matcher(read(source));
      while (m.find()) {
        if (!Files.exists(Path.of(m.group()))) {
          missing.add(source + ": " + m.group());
        }
      }
    }
    assertThat(new TreeSet<>(missing)).as("documents named that do not exist").isEmpty();
  }

  @Test
  void theScanSeesWhatItLooksFor() {
    assertThat(documents()).contains(Path.of("README.md"), Path.of("docs/journey.md"));
    assertThat(CLASS_PATH.matcher("`contact/ContactService`").matches()).isTrue();
    assertThat(read(Path.of("README.md"))).contains("`debt/DebtLifecycle`");
  }

  private static List<Path> documents() {
    List<Path> docs = new ArrayList<>(files(Path.of("docs"), ".md"));
    docs.add(Path.of("README.md"));
    return docs;
  }

  private static List<Path> files(Path root, String... endings) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> Stream.of(endings).anyMatch(e -> f.toString().endsWith(e)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
