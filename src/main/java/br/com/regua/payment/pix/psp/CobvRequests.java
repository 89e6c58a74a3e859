package br.com.regua.payment.pix.psp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies of the API Pix's cobv calls, from a debt's parts: {@code CobVSolicitada} for {@code
 * PUT /cobv/{txid}} — due date, the open balance, the contract's fine and monthly interest (CDC
 * art. 52 §1: fine at most 2%, interest 1% a month), the debtor's CPF or CNPJ and name, the
 * creditor's key — and {@code CobVRevisada} for a new balance.
 */
public final class CobvRequests {

  /** Days the cobv may still be paid after its due date, with fine and interest. */
  static final int DAYS_PAYABLE_AFTER_DUE = 60;

  private CobvRequests() {}

  public static Map<String, Object> create(
      LocalDate dueDate,
      long openBalanceCents,
      String debtorDocument,
      String debtorName,
      String pixKey,
      BigDecimal finePercent,
      BigDecimal monthlyInterestPercent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "calendario",
        Map.of(
            "dataDeVencimento",
            dueDate.toString(),
            "validadeAposVencimento",
            DAYS_PAYABLE_AFTER_DUE));
    body.put(
        "devedor",
        Map.of(debtorDocument.length() == 11 ? "cpf" : "cnpj", debtorDocument, "nome", debtorName));
    Map<String, Object> valor = new LinkedHashMap<>();
    valor.put("original", reais(openBalanceCents));
    // multa modalidade 2: a percentage; juros modalidade 3: a percentage a month, calendar days
    valor.put("multa", Map.of("modalidade", 2, "valorPerc", percent(finePercent)));
    valor.put("juros", Map.of("modalidade", 3, "valorPerc", percent(monthlyInterestPercent)));
    body.put("valor", valor);
    body.put("chave", pixKey);
    body.put("solicitacaoPagador", "Pagamento de dívida em cobrança");
    return body;
  }

  /** A new open balance (a partial payment, an agreement's terms). */
  public static Map<String, Object> newBalance(long openBalanceCents) {
    return Map.of("valor", Map.of("original", reais(openBalanceCents)));
  }

  private static String reais(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static String percent(BigDecimal percent) {
    return percent.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }
}
