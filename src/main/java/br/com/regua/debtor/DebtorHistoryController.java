package br.com.regua.debtor;

import br.com.regua.api.NotFoundException;
import br.com.regua.brazil.TaxId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The debtor's full history for agents and other tools: the agent desk shows it beside a task. */
@RestController
class DebtorHistoryController {

  private final DebtorHistoryService histories;

  DebtorHistoryController(DebtorHistoryService histories) {
    this.histories = histories;
  }

  /**
   * @param document the CPF or CNPJ, with or without punctuation
   */
  @GetMapping("/api/debtors/{document}/history")
  DebtorHistory history(@PathVariable String document) {
    return histories
        .of(TaxId.canonicalOf(document, "document"))
        .orElseThrow(() -> new NotFoundException("no debtor with this CPF/CNPJ is registered"));
  }
}
