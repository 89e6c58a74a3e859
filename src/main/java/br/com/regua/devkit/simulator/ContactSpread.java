package br.com.regua.devkit.simulator;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a day's dated steps have all fired, as the deployed model says: each debt's steps fire at
 * 09:00 (São Paulo) plus its own minute within {@code contactSpread}, which an analyst sets on the
 * start event of {@code bpmn/dunning-journey.bpmn}. Whatever moves the clock a day at a time and
 * then looks at the day (the simulator, the end-to-end tests) stops at {@link #dayDone()}, read
 * from the model rather than written down: a timer due after the stop would fire only at the next
 * day's move, and its contact would be recorded a day late.
 */
public final class ContactSpread {

  /** The first contact time of a day: the hour in every dated timer of the models. */
  public static final LocalTime FIRST_CONTACT = LocalTime.of(9, 0);

  static final String MODEL = "bpmn/dunning-journey.bpmn";
  static final String START_EVENT = "DebtRegisteredStartEvent";
  static final String VARIABLE = "contactSpread";

  private static final Pattern LITERAL = Pattern.compile("=\\s*duration\\(\\s*\"([^\"]+)\"\\s*\\)");

  private static volatile Duration declared;

  private ContactSpread() {}

  /** The width of the spread, {@code contactSpread} in the model (e.g. PT3H). */
  public static Duration declared() {
    Duration spread = declared;
    if (spread == null) {
      spread = read();
      declared = spread;
    }
    return spread;
  }

  /** The first instant of a day by which every debt's dated steps of the day have fired. */
  public static LocalTime dayDone() {
    return FIRST_CONTACT.plus(declared());
  }

  /**
   * As {@link #dayDone()}, for the models of a directory deployed over the classpath's ({@code
   * bin/simulate --models DIR}): its {@code dunning-journey.bpmn}'s spread, if it has one.
   */
  static LocalTime dayDone(Path models) {
    Path journey = models == null ? null : models.resolve("dunning-journey.bpmn");
    if (journey == null || !Files.isRegularFile(journey)) {
      return dayDone();
    }
    try (InputStream model = Files.newInputStream(journey)) {
      return FIRST_CONTACT.plus(read(model, journey.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration read() {
    try (InputStream model = ContactSpread.class.getClassLoader().getResourceAsStream(MODEL)) {
      if (model == null) {
        throw new IllegalStateException(MODEL + " is not on the classpath");
      }
      return read(model, MODEL);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration read(InputStream model, String name) {
    StartEvent start = Bpmn.readModelFromStream(model).getModelElementById(START_EVENT);
    ZeebeIoMapping mapping =
        start == null
            ? null
            : start
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(ZeebeIoMapping.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    String source =
        mapping == null
            ? null
            : mapping.getOutputs().stream()
                .filter(output -> VARIABLE.equals(output.getTarget()))
                .map(ZeebeOutput::getSource)
                .findFirst()
                .orElse(null);
    Matcher literal = source == null ? null : LITERAL.matcher(source);
    if (literal == null || !literal.matches()) {
      throw new IllegalStateException(
          name
              + ": the start event "
              + START_EVENT
              + " must set "
              + VARIABLE
              + " to a literal duration, e.g. =duration(\"PT3H\"); found "
              + source);
    }
    return Duration.parse(literal.group(1));
  }
}
