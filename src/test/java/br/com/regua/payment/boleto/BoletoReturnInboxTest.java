package br.com.regua.payment.boleto;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The watched folder: a return file dropped there is applied and moved; a remessa is set apart. */
class BoletoReturnInboxTest extends IntegrationTest {

  @Autowired BoletoReturnInbox inbox;

  @Test
  void aDroppedReturnIsAppliedAndMovedAndAFileBeingWrittenWaits(@TempDir Path folder)
      throws Exception {
    // given the bank's return, a remessa dropped by mistake, and a file still being written
    // (the fixture's titles renamed, same widths: BoletoReturnsTest applies the originals)
    String fixture =
        Cnab240ReturnTest.fixture().replace("CNABT-", "INBOX-").replace("1234567000", "7654321000");
    Files.writeString(folder.resolve("RET0001.ret"), fixture, StandardCharsets.ISO_8859_1);
    Files.writeString(
        folder.resolve("REM0001.rem"),
        fixture.substring(0, 142) + "1" + fixture.substring(143),
        StandardCharsets.ISO_8859_1);
    Files.writeString(folder.resolve("RET0002.ret.part"), "partial", StandardCharsets.ISO_8859_1);

    // when the folder is scanned
    List<BoletoReturns.Report> reports = inbox.scan(folder);

    // then the return was applied line by line and moved; the remessa set apart; the part waits
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).lines()).hasSize(7);
    assertThat(reports.get(0).totals().get("rejected")).isEqualTo(1);
    assertThat(reports.get(0).totals().get("unmatched")).isEqualTo(4); // no INBOX- debt exists
    assertThat(folder.resolve("processed/RET0001.ret")).exists();
    assertThat(folder.resolve("rejected/REM0001.rem")).exists();
    assertThat(folder.resolve("RET0002.ret.part")).exists();
    assertThat(folder.resolve("RET0001.ret")).doesNotExist();
  }
}
