package br.com.regua.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiMaskerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // CPF, punctuated or not: only the check digits stay
        "529.982.247-25 | ***.***.***-25",
        "52998224725 | *********25",
        "document=52998224725&x=1 | document=*********25&x=1",
        "/api/debtors/52998224725/history | /api/debtors/*********25/history",
        "{\"document\":\"11144477735\"} | {\"document\":\"*********35\"}",
        "CPF 111.444.777-35. | CPF ***.***.***-35.",
        // CNPJ
        "11.222.333/0001-81 | **.***.***/****-81",
        "11222333000181 | ************81",
        "cnpj 45.723.174/0001-10, | cnpj **.***.***/****-10,",
        // alphanumeric CNPJ (since July 2026): letters are masked too
        "12.ABC.345/01DE-35 | **.***.***/****-35",
        "12ABC34501DE35 | ************35",
        "cnpj 12.abc.345/01de-35. | cnpj **.***.***/****-35.",
        "/api/debtors/12ABC34501DE35/history | /api/debtors/************35/history",
        "{\"document\":\"ZZZZZZZZ000191\"} | {\"document\":\"************91\"}",
        "doc A1B2C3D4E5F668, tel +5511987654321 | doc ************68, tel +55*******4321",
        // phones: the last four digits stay, +55 too
        "+5511987654321 | +55*******4321",
        "+551133334444 | +55******4444",
        "+55 11 98765-4321 | +55 ** *****-4321",
        "+55 (11) 98765-4321 | +55 (**) *****-4321",
        "to=%2B5511987654321 | to=%2B55*******4321",
        "\"wa_id\":\"5511987654321\" | \"wa_id\":\"55*******4321\"",
        "551133334444 | 55******4444",
        "(11) 98765-4321 | (**) *****-4321",
        "(11)3333-4444 | (**)****-4444",
        "11 98765-4321 | ** *****-4321",
        "11 9 8765-4321 | ** * ****-4321",
        "ligar 98765-4321 | ligar *****-4321",
        "11987654321 | *******4321",
        "+5500987654321 | +55*******4321",
        // email: the first letter and the domain stay
        "maria@example.com | m***@example.com",
        "<d-ut-3f8x@devedor.example.test> | <d***@devedor.example.test>",
        "to=maria.silva%40example.com.br | to=m***%40example.com.br",
        "Maria.Da_Silva+cobranca@mail.example.org | M***@mail.example.org",
        // several in a text line, next to what stays
        "2026-11-23T21:18:24.191Z  INFO 6139 : doc 52998224725, tel +55 11 98765-4321 (key"
            + " 2251799813686699) | 2026-11-23T21:18:24.191Z  INFO 6139 : doc *********25, tel +55 **"
            + " *****-4321 (key 2251799813686699)",
        "52998224725/11222333000181 | *********25/************81",
      })
  void masks(String text, String masked) {
    assertThat(PiiMasker.mask(text)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // engine keys, ids, timestamps, amounts, UUIDs, versions: left as they are
        "Journey 2251799813686699 started for debt INV-1001",
        "process instance key 2251799813690020, job 2251799813690031",
        "2026-11-23T21:18:24.191Z  INFO 6139 --- [regua] [o-auto-1-exec-3]",
        "epoch 1763932862000 millis, 1763932862 s, 1763932862123456789 ns",
        "amount 1234.56, 123456 cents, R$ 1.234.567,89",
        "txid 123e4567-e12b-12d1-a456-426655440000",
        "uuid 5f0c8a2e-5511-4987-9876-551133334444",
        "debt collection-3f812g5dhm5 and D-UT-lq3k2x9 and INV-2024-0001",
        "between 2024-2025, CEP 01304-001, port 26500, pid 6139",
        "phone-number-id 106540352242922",
        "br.com.regua.contact.sms.SmsChannel@6d4a82f1 and Foo$Bar@1f2e3d4c",
        "jdbc:postgresql://postgres@127.0.0.1:5432/test, form-js@1.17.0",
        // eleven and fourteen digits whose check digits are not a CPF's or a CNPJ's
        "key 12345678901 and 52998224724 and 12345678000100",
        "123.456.789-00 and 11.222.333/0001-82",
        "12.ABC.345/01DE-34 and 12ABC34501DE36 and ORDER12ABC34501DE35X",
        // already masked: masking twice changes nothing
        "***.***.***-25 +55*******4321 m***@example.com **.***.***/****-81",
      })
  void leavesAlone(String text) {
    assertThat(PiiMasker.mask(text)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"00000000000", "11111111111", "111.111.111-11", "00000000000000"})
  void repeatedDigitsAreNotTaxIds(String text) {
    assertThat(PiiMasker.validTaxId(text)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void masksEveryValueOfAStackTraceLine() {
    String line =
        "java.lang.IllegalStateException: o telefone +5511987654321 não é um celular "
            + "(debtor 529.982.247-25, maria@example.com)\n\tat br.com.regua.contact.sms.SmsChannel.send(SmsChannel.java:95)";

    assertThat(PiiMasker.mask(line))
        .isEqualTo(
            "java.lang.IllegalStateException: o telefone +55*******4321 não é um celular "
                + "(debtor ***.***.***-25, m***@example.com)\n\tat br.com.regua.contact.sms.SmsChannel.send(SmsChannel.java:95)");
  }
}
