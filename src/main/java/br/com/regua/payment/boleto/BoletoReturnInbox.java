package br.com.regua.payment.boleto;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.ops.OnOneReplica;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The other way in for return files: a folder ({@code regua.boleto.returns.inbox}) where the bank's
 * files are dropped (by the bank's SFTP client, a person). Each new file is applied as {@code POST
 * /api/boletos/returns} would, then moved to {@code processed/}, or to {@code rejected/} when it is
 * no return file at all. Files whose name starts with a dot or ends with {@code .part} are still
 * being written and wait.
 */
@Component
class BoletoReturnInbox {

  private static final Logger log = LoggerFactory.getLogger(BoletoReturnInbox.class);

  private final BoletoReturns returns;
  private final String inbox;
  private final OnOneReplica replicas;

  BoletoReturnInbox(
      BoletoReturns returns,
      @Value("${regua.boleto.returns.inbox:}") String inbox,
      OnOneReplica replicas) {
    this.returns = returns;
    this.inbox = inbox.strip();
    this.replicas = replicas;
  }

  // On one replica at a time (ops/OnOneReplica): with a folder every replica mounts, two would read
  // the same file and race to move it. Applying it twice would do no harm (each liquidation's
  // payment id is its bank and nosso número, BoletoReturns), but the file's report and its move
  // belong to one replica.

  @Scheduled(
      initialDelayString = "${regua.boleto.returns.poll-interval:PT1M}",
      fixedDelayString = "${regua.boleto.returns.poll-interval:PT1M}")
  void run() throws IOException {
    if (!inbox.isEmpty()) {
      replicas.run("boleto-return-inbox", this::scanInbox);
    }
  }

  private void scanInbox() {
    try {
      scan(Path.of(inbox));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies and moves every waiting file of the folder, oldest name first; their reports. */
  List<BoletoReturns.Report> scan(Path folder) throws IOException {
    List<Path> waiting;
    try (Stream<Path> files = Files.list(folder)) {
      waiting =
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .filter(f -> !f.getFileName().toString().endsWith(".part"))
              .sorted()
              .toList();
    }
    List<BoletoReturns.Report> reports = new ArrayList<>();
    for (Path file : waiting) {
      String name = file.getFileName().toString();
      try {
        BoletoReturns.Report report = returns.receive(Files.readAllBytes(file), name);
        reports.add(report);
        move(file, folder.resolve("processed"));
        log.info("Boleto return {} applied: {}", name, report.totals());
      } catch (InvalidFieldException e) {
        move(file, folder.resolve("rejected"));
        log.error("Boleto return {} rejected: {}", name, e.getMessage());
      }
    }
    return reports;
  }

  private static void move(Path file, Path into) throws IOException {
    Files.createDirectories(into);
    Files.move(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }
}
