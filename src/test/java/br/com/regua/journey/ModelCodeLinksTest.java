package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.ReguaApplication;
import br.com.regua.engine.JourneyModel;
import br.com.regua.tasks.AgentOutcomeWorker;
import io.camunda.client.annotation.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The names that tie the models in {@code bpmn/} to the code, read from both sides: no list of
 * names is kept here. Job types come from the models' task definitions and execution and task
 * listeners; workers from the {@code @JobWorker} methods of the service's classes. Message names
 * come from the models' {@code bpmn:message} elements; a message is published when a class of the
 * service that publishes messages ({@code Journeys.publish…} or the client's {@code
 * newPublishMessageCommand().messageName(…)}) holds its name as a constant (the {@code
 * JourneyModel} constants are compiled into their users).
 */
class ModelCodeLinksTest {

  private static final Path MODELS = Path.of("bpmn");
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String JOURNEYS = "br/com/regua/engine/Journeys";

  @Test
  void everyJobTypeInTheModelsHasAWorkerAndEveryWorkerIsUsed() {
    Map<String, Set<String>> modelTypes = jobTypesInModels();
    Map<String, String> workers = workerTypes();
    assertThat(modelTypes).as("job types in bpmn/").isNotEmpty();
    assertThat(workers).as("@JobWorker methods").isNotEmpty();

    Map<String, Set<String>> withoutWorker = new TreeMap<>(modelTypes);
    withoutWorker.keySet().removeAll(workers.keySet());
    assertThat(withoutWorker)
        .as("job types in bpmn/ (with their files) without a worker")
        .isEmpty();

    Map<String, String> unused = new TreeMap<>(workers);
    unused.keySet().removeAll(modelTypes.keySet());
    assertThat(unused).as("workers (type -> method) whose type no model in bpmn/ uses").isEmpty();
  }

  @Test
  void everyMessageInTheModelsIsPublishedByTheService() {
    Map<String, Set<String>> messages = messagesInModels();
    assertThat(messages).as("messages in bpmn/").isNotEmpty();
    Set<String> published = constantsOfPublishingClasses();
    Map<String, Set<String>> unpublished = new TreeMap<>(messages);
    unpublished.keySet().removeAll(published);
    assertThat(unpublished).as("messages in bpmn/ (with their files) nothing publishes").isEmpty();
  }

  @Test
  void everyTaskRecordingAnAgentsOutcomeDeclaresWhatToRecord() {
    Map<String, List<String>> tasks = elementsWithListener(JourneyModel.RECORD_AGENT_OUTCOME);
    assertThat(tasks).as("tasks with a record-agent-outcome listener").isNotEmpty();
    Map<String, List<String>> lacking = new TreeMap<>();
    tasks.forEach(
        (task, headers) -> {
          List<String> missing =
              AgentOutcomeWorker.HEADERS.stream().filter(h -> !headers.contains(h)).toList();
          if (!missing.isEmpty()) {
            lacking.put(task, missing);
          }
        });
    assertThat(lacking).as("tasks (file#id) -> task headers record-agent-outcome needs").isEmpty();
  }

  @Test
  void theScanSeesWhatItLooksFor() {
    // Guards the two scans above against passing on nothing found.
    assertThat(workerTypes()).containsKey(JourneyModel.SEND_REMINDER);
    assertThat(jobTypesInModels()).containsKey(JourneyModel.SEND_REMINDER);
    assertThat(constantsOfPublishingClasses())
        .contains(JourneyModel.PAYMENT_RECEIVED, JourneyModel.EMAIL_OPENED)
        .doesNotContain(JourneyModel.SEND_REMINDER);
  }

  /** Job type → the model files using it (static types only; a FEEL type would be "=…"). */
  static Map<String, Set<String>> jobTypesInModels() {
    Map<String, Set<String>> types = new TreeMap<>();
    for (Path file : modelFiles()) {
      Document doc = parse(file);
      for (String tag : List.of("taskDefinition", "executionListener", "taskListener")) {
        NodeList nodes = doc.getElementsByTagNameNS(ZEEBE, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
          String type = ((Element) nodes.item(i)).getAttribute("type");
          assertThat(type).as(file + " " + tag).isNotBlank().doesNotStartWith("=");
          types.computeIfAbsent(type, t -> new TreeSet<>()).add(file.getFileName().toString());
        }
      }
    }
    return types;
  }

  /**
   * The elements (file#id) with an execution listener of the type → the keys of their non-blank
   * task headers, which the engine hands to the listener's job.
   */
  static Map<String, List<String>> elementsWithListener(String jobType) {
    Map<String, List<String>> elements = new TreeMap<>();
    for (Path file : modelFiles()) {
      NodeList listeners = parse(file).getElementsByTagNameNS(ZEEBE, "executionListener");
      for (int i = 0; i < listeners.getLength(); i++) {
        Element listener = (Element) listeners.item(i);
        if (!listener.getAttribute("type").equals(jobType)) {
          continue;
        }
        // executionListener → executionListeners → extensionElements → the element
        Element extensions = (Element) listener.getParentNode().getParentNode();
        Element element = (Element) extensions.getParentNode();
        List<String> keys = new ArrayList<>();
        NodeList headers = extensions.getElementsByTagNameNS(ZEEBE, "header");
        for (int h = 0; h < headers.getLength(); h++) {
          Element header = (Element) headers.item(h);
          if (!header.getAttribute("value").isBlank()) {
            keys.add(header.getAttribute("key"));
          }
        }
        elements.put(file.getFileName() + "#" + element.getAttribute("id"), keys);
      }
    }
    return elements;
  }

  static Map<String, Set<String>> messagesInModels() {
    Map<String, Set<String>> names = new TreeMap<>();
    for (Path file : modelFiles()) {
      NodeList nodes = parse(file).getElementsByTagNameNS(BPMN, "message");
      for (int i = 0; i < nodes.getLength(); i++) {
        String name = ((Element) nodes.item(i)).getAttribute("name");
        assertThat(name).as(file + " message").isNotBlank().doesNotStartWith("=");
        names.computeIfAbsent(name, n -> new TreeSet<>()).add(file.getFileName().toString());
      }
    }
    return names;
  }

  /** Worker type → class and method, from every {@code @JobWorker} of the service's classes. */
  static Map<String, String> workerTypes() {
    Map<String, String> workers = new TreeMap<>();
    for (Class<?> type : mainClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null) {
          String jobType = worker.type().isEmpty() ? method.getName() : worker.type();
          workers.put(jobType, type.getSimpleName() + "." + method.getName());
        }
      }
    }
    return workers;
  }

  /** The string constants of every service class that publishes messages. */
  static Set<String> constantsOfPublishingClasses() {
    Set<String> constants = new HashSet<>();
    for (Path file : mainClassFiles()) {
      ClassScan scan = ClassScan.of(file);
      if (scan.publishes) {
        constants.addAll(scan.constants);
      }
    }
    return constants;
  }

  private static final class ClassScan extends ClassVisitor {
    final Set<String> constants = new HashSet<>();
    boolean publishes;

    ClassScan() {
      super(Opcodes.ASM9);
    }

    static ClassScan of(Path classFile) {
      ClassScan scan = new ClassScan();
      try (InputStream in = Files.newInputStream(classFile)) {
        new ClassReader(in).accept(scan, ClassReader.SKIP_DEBUG);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return scan;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitLdcInsn(Object value) {
          if (value instanceof String s) {
            constants.add(s);
          }
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String desc, boolean isInterface) {
          if ((owner.equals(JOURNEYS) && method.startsWith("publish"))
              || (owner.contains("PublishMessageCommand") && method.equals("messageName"))) {
            publishes = true;
          }
        }
      };
    }
  }

  private static List<Path> modelFiles() {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** The compiled classes of src/main (not the tests'), where ReguaApplication was loaded from. */
  private static List<Path> mainClassFiles() {
    try {
      Path root =
          Path.of(
              ReguaApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Class<?>> mainClasses() {
    try {
      Path root =
          Path.of(
              ReguaApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return mainClassFiles().stream()
          .map(f -> root.relativize(f).toString())
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .map(ModelCodeLinksTest::load)
          .toList();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ModelCodeLinksTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
