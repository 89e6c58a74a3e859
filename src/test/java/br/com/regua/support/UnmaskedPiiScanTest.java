package br.com.regua.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnmaskedPiiScanTest {

  @TempDir Path reports;

  @Test
  void findsEveryLineWithAnUnmaskedValue() throws Exception {
    // given a report whose output holds masked lines and five leaks
    report(
        "TEST-a.SomeTest.xml",
        """
        2026-11-23T21:18:24.237Z  INFO 6139 --- [regua] DebtService : Journey 2251799813687523 started for debt INV-1
        2026-11-23T21:18:24.238Z  INFO 6139 --- [regua] ContactService : Contact INV-1:D+3 refused on SMS: o telefone +55*******4321 não é um celular
        2026-11-23T21:18:24.239Z  WARN 6139 --- [regua] GreenMail : mail to maria@devedor.example.test
        2026-11-23T21:18:24.240Z  INFO 6139 --- [regua] Api : GET /api/debtors/52998224725/history
        """,
        """
        java.lang.IllegalStateException: o telefone +5511987654321 não é um celular
        \tat br.com.regua.contact.sms.SmsChannel.send(SmsChannel.java:95)
        debt CPF11144477735X
        phone 9876 54321 or tel:987654321
        """);

    // when it is scanned, knowing the CPF a test handed out with letters around it
    UnmaskedPiiScan.Result result = UnmaskedPiiScan.scan(reports, Set.of("11144477735"));

    // then the five lines are listed, and only them
    assertThat(result.files()).isEqualTo(1);
    assertThat(result.lines()).isEqualTo(8);
    assertThat(result.leaks())
        .containsExactly(
            "TEST-a.SomeTest.xml: 2026-11-23T21:18:24.239Z  WARN 6139 --- [regua] GreenMail : mail to maria@devedor.example.test",
            "TEST-a.SomeTest.xml: 2026-11-23T21:18:24.240Z  INFO 6139 --- [regua] Api : GET /api/debtors/52998224725/history",
            "TEST-a.SomeTest.xml: java.lang.IllegalStateException: o telefone +5511987654321 não é um celular",
            "TEST-a.SomeTest.xml: debt CPF11144477735X",
            "TEST-a.SomeTest.xml: phone 9876 54321 or tel:987654321");
  }

  @Test
  void theBuildStepFailsListingTheLeaks() throws Exception {
    report("TEST-b.OtherTest.xml", "masked ***.***.***-25\n", "leak 529.982.247-25\n");
    Path cpfs = Files.writeString(reports.resolve("cpfs.txt"), "");

    assertThatThrownBy(
            () -> UnmaskedPiiScan.main(new String[] {reports.toString(), cpfs.toString()}))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 leaking")
        .hasMessageContaining("TEST-b.OtherTest.xml: leak 529.982.247-25");
  }

  @Test
  void passesMaskedOutput() throws Exception {
    report(
        "TEST-c.CleanTest.xml",
        "Journey 2251799813686699 for ***.***.***-25, m***@example.com\n",
        "");

    UnmaskedPiiScan.Result result = UnmaskedPiiScan.scan(reports, Set.of("52998224725"));

    assertThat(result.leaks()).isEmpty();
    assertThat(result.lines()).isEqualTo(2);
  }

  private void report(String name, String out, String err) throws Exception {
    Files.writeString(
        reports.resolve(name),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="x"><testcase name="t"/>
        <system-out><![CDATA[%s]]></system-out>
        <system-err><![CDATA[%s]]></system-err>
        </testsuite>
        """
            .formatted(out, err));
  }
}
