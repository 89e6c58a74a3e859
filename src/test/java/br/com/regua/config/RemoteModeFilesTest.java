package br.com.regua.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Remote mode as docs/remote-mode.md has a team follow it: the compose stack runs beside embedded
 * mode, sized as Camunda sizes an orchestration node, and bin/run asks for the local PostgreSQL
 * only when the service will use it.
 */
class RemoteModeFilesTest {

  /** What embedded mode (bin/run) binds by default: HTTP, the engine's gRPC, the mailbox. */
  private static final Set<Integer> EMBEDDED_PORTS = Set.of(8080, 26500, 1025);

  @Test
  void theComposeStackPublishesNoPortEmbeddedModeBinds() throws IOException {
    String compose = Files.readString(Path.of("docker-compose.yml"));
    Matcher published = Pattern.compile("(?m)^\\s*- \"(\\d+):(\\d+)\"").matcher(compose);
    List<Integer> hostPorts = new ArrayList<>();
    while (published.find()) {
      hostPorts.add(Integer.parseInt(published.group(1)));
    }
    assertThat(hostPorts)
        .contains(26501, 2525, 5433, 8088)
        .doesNotContainAnyElementsOf(EMBEDDED_PORTS);
    // the remote profile's default gateway is the one compose publishes
    assertThat(Files.readString(Path.of("src/main/resources/application-remote.yaml")))
        .contains("${CAMUNDA_GRPC_ADDRESS:http://localhost:26501}");
  }

  @Test
  void theOrchestrationClusterHasTheMemoryCamundaSizesItWith() throws IOException {
    // Camunda 8.8's Helm chart: orchestration.resources requests 1500Mi, limits 3000Mi, 2 CPUs
    String orchestration =
        Files.readString(Path.of("docker-compose.yml")).split("\n  orchestration:\n", 2)[1];
    orchestration = orchestration.split("\n  [a-z]+:\n", 2)[0];
    assertThat(orchestration)
        .contains("mem_limit: 3000m", "mem_reservation: 1500m", "cpus: 2")
        .doesNotContain("mem_limit: 1g");
  }

  @Test
  void binRunNeedsTheLocalPostgresOnlyForALocalDatabase() throws Exception {
    assertThat(localDatabase("jdbc:postgresql://127.0.0.1:5432/regua")).isEqualTo("regua");
    assertThat(localDatabase("jdbc:postgresql://localhost/regua_x?currentSchema=a"))
        .isEqualTo("regua_x");
    // the compose stack's database, or another machine's: not ours to start
    assertThat(localDatabase("jdbc:postgresql://localhost:5433/regua")).isNull();
    assertThat(localDatabase("jdbc:postgresql://db.example.com:5432/regua")).isNull();
  }

  /** bin/env.sh's local_database, run by bash: the database's name, or null when not local. */
  private static String localDatabase(String url) throws Exception {
    Process bash =
        new ProcessBuilder(
                "bash",
                "-c",
                ". bin/env.sh && if local_database \"$1\"; then echo \"$LOCAL_DATABASE\"; fi",
                "check",
                url)
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(bash.waitFor()).isZero();
    return out.isEmpty() ? null : out;
  }
}
