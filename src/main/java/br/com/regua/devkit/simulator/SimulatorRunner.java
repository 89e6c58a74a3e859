package br.com.regua.devkit.simulator;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bin/simulate}: deploys the models of {@code --models} over the packaged ones (when given),
 * runs the simulation, writes the report, runs the benchmark (with {@code --benchmark}), prints the
 * figures and exits.
 */
@Component
@Profile("simulate")
class SimulatorRunner implements ApplicationRunner {

  private final ObjectProvider<Simulation.Services> services;
  private final CamundaClient client;
  private final ObjectProvider<Benchmark> benchmark;
  private final ConfigurableApplicationContext context;

  SimulatorRunner(
      ObjectProvider<Simulation.Services> services,
      CamundaClient client,
      ObjectProvider<Benchmark> benchmark,
      ConfigurableApplicationContext context) {
    this.services = services;
    this.client = client;
    this.benchmark = benchmark;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    PrintStream out = System.out;
    int code = 0;
    try {
      SimulatorOptions options = SimulatorOptions.parse(args.getSourceArgs());
      if (!options.compare().isEmpty()) {
        out.println(
            "Wrote "
                + Report.compare(
                    options.compare().get(0), options.compare().get(1), options.out()));
      } else {
        if (options.models() != null) {
          deploy(options.models(), out);
        }
        Simulation.Services s = services.getObject();
        s.sinks().setRate(options.rate());
        Simulation simulation = new Simulation(s, options, out);
        SimulationResult result = simulation.run();
        Report.write(result, options.out());
        out.println("Report: " + options.out().resolve("report.html").toAbsolutePath());
        Report.summary(result).forEach((k, v) -> out.printf("  %-40s %s%n", k, v));
        Simulation.Timings t = simulation.timings();
        out.println(Benchmark.describe(t, result));
        if (options.benchmark() && options.ingestOnly()) {
          benchmark.getObject().runIngestOnly(options, out);
        } else if (options.benchmark()) {
          benchmark.getObject().run(options, t, result, out);
        }
      }
    } catch (RuntimeException e) {
      e.printStackTrace(out);
      code = 1;
    }
    int exit = SpringApplication.exit(context, () -> 0);
    System.exit(code != 0 ? code : exit);
  }

  /** Deploys every BPMN, DMN and form of the directory: they become the latest versions. */
  private void deploy(Path dir, PrintStream out) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> models =
          files
              .filter(
                  f -> {
                    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form");
                  })
              .sorted()
              .toList();
      if (models.isEmpty()) {
        throw new IllegalArgumentException("no .bpmn or .dmn in " + dir);
      }
      var command = client.newDeployResourceCommand().addResourceFile(models.getFirst().toString());
      for (Path m : models.subList(1, models.size())) {
        command = command.addResourceFile(m.toString());
      }
      command.send().join();
      out.println("Deployed " + models.size() + " models from " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
