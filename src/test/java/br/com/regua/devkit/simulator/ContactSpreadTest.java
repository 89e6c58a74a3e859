package br.com.regua.devkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tools that move the clock a day at a time look at each day once every debt's dated steps have
 * fired: 09:00 plus the spread the model declares. A tool that stopped earlier would see a debt
 * whose minute is later only at the next day's move, its contact recorded a day late.
 */
class ContactSpreadTest {

  private static final Pattern CONTACTS_DONE =
      Pattern.compile("(?m)^\\s*(?:const\\s+)?CONTACTS_DONE\\s*=\\s*['\"]?(\\d{2}:\\d{2})");

  @Test
  void theSpreadIsReadFromTheJourneysStartEvent() {
    // given the model on the classpath, as the application deploys it
    // then its contactSpread is a duration under a day, and the day's contacts are done after it
    Duration spread = ContactSpread.declared();
    assertThat(spread).isPositive().isLessThan(Duration.ofDays(1));
    assertThat(ContactSpread.dayDone()).isEqualTo(LocalTime.of(9, 0).plus(spread));
  }

  @Test
  void theSimulatorReadsTheSpreadOfTheModelsItDeploys(@TempDir Path models) throws Exception {
    // given a directory of models whose journey spreads its contacts over four hours
    String journey = Files.readString(Path.of(ContactSpread.MODEL));
    String wider =
        journey.replace(
            "duration(&quot;PT3H&quot;)\" target=\"contactSpread\"",
            "duration(&quot;PT4H&quot;)\" target=\"contactSpread\"");
    assertThat(wider).isNotEqualTo(journey);
    Files.writeString(models.resolve("dunning-journey.bpmn"), wider);

    // then the simulator looks at each day at 13:00; without a journey there, at the classpath's
    assertThat(ContactSpread.dayDone(models)).isEqualTo(LocalTime.of(13, 0));
    assertThat(ContactSpread.dayDone(models.resolve("empty"))).isEqualTo(ContactSpread.dayDone());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "bin/walkthrough",
        "bin/fault-injection",
        "bin/soak",
        "tools/diagrams/kpi-screenshot.cjs"
      })
  void everyScriptThatWalksTheDaysStopsWhenTheModelsSpreadHasEnded(String script) throws Exception {
    // given a script that moves the clock a day at a time and then looks at the day
    Matcher declared = CONTACTS_DONE.matcher(Files.readString(Path.of(script)));

    // then it stops at 09:00 plus the model's contactSpread: change it with the spread
    assertThat(declared.find()).as(script + " declares CONTACTS_DONE").isTrue();
    assertThat(LocalTime.parse(declared.group(1)))
        .as("%s: CONTACTS_DONE must be 09:00 plus contactSpread of %s", script, ContactSpread.MODEL)
        .isEqualTo(ContactSpread.dayDone());
  }
}
