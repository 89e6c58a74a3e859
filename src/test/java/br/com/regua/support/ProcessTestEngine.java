package br.com.regua.support;

import br.com.regua.devkit.engine.EmbeddedEngine;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One real Zeebe engine for all process tests, without the Spring application: no workers run, so a
 * test activates and completes each job itself, and completes user tasks with {@link #userTasks()}.
 * The models and forms are deployed from {@code bpmn/} and {@code forms/}, the same files the
 * application deploys.
 */
public final class ProcessTestEngine {

  /**
   * The JUnit tag of the tests that use this engine. Maven runs them in a JVM of their own: the
   * in-JVM engine (zeebe-process-test) keeps part of its gRPC response state in static fields, so
   * this engine and the Spring context's must not share a JVM.
   */
  public static final String TAG = "process-engine";

  private static ProcessTestEngine instance;

  private final EmbeddedEngine engine;
  private final CamundaClient client;
  private final EngineRecords records;
  private final UserTasks userTasks;

  private ProcessTestEngine() {
    engine = EmbeddedEngine.start(0, ZoneId.of("America/Sao_Paulo"));
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(engine.grpcAddress()))
            .preferRestOverGrpc(false)
            .build();
    records = new EngineRecords(engine);
    userTasks = new UserTasks(engine);
    deployModels();
  }

  public static synchronized ProcessTestEngine get() {
    if (instance == null) {
      instance = new ProcessTestEngine();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
    }
    return instance;
  }

  public CamundaClient client() {
    return client;
  }

  public EmbeddedEngine engine() {
    return engine;
  }

  /** The open Camunda user tasks, and completing them as an agent would in Tasklist. */
  public UserTasks userTasks() {
    return userTasks;
  }

  public Instant now() {
    return engine.now();
  }

  /** Moves the clock to the instant (never backwards) and waits until the engine is quiet. */
  public void advanceTo(Instant target) {
    Instant now = engine.now();
    if (target.isAfter(now)) {
      engine.advance(java.time.Duration.between(now, target));
    }
    idle();
  }

  public void idle() {
    engine.awaitIdle(java.time.Duration.ofSeconds(5));
  }

  public ProcessInstanceAssert assertThatInstance(long processInstanceKey) {
    idle();
    return new ProcessInstanceAssert(processInstanceKey, records.stream());
  }

  /** The timer waiting at an element anywhere in the journey; see {@link EngineRecords}. */
  public Optional<TimerRecordValue> activeTimer(long rootKey, String elementId) {
    return records.activeTimer(rootKey, elementId);
  }

  /** A variable of the instance's own scope, as JSON; see {@link EngineRecords}. */
  public Optional<String> variable(long processInstanceKey, String name) {
    idle();
    return records.variable(processInstanceKey, name);
  }

  /** How many times an element completed anywhere in the journey. */
  public long completions(long rootKey, String elementId) {
    return records.completions(rootKey, elementId);
  }

  /** One deployment of every model in {@code bpmn/} and every form in {@code forms/}. */
  private void deployModels() {
    List<Path> resources =
        Stream.concat(
                files(Path.of("bpmn"), ".bpmn", ".dmn").stream(),
                files(Path.of("forms"), ".form").stream())
            .toList();
    var step = client.newDeployResourceCommand().addResourceFile(resources.get(0).toString());
    for (Path resource : resources.subList(1, resources.size())) {
      step = step.addResourceFile(resource.toString());
    }
    // a loaded machine (several test runs on two cores) can take more than the default 10 s
    step.requestTimeout(java.time.Duration.ofSeconds(60)).send().join();
  }

  private static List<Path> files(Path folder, String... extensions) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> Stream.of(extensions).anyMatch(f.toString()::endsWith))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void close() {
    client.close();
    engine.close();
  }
}
