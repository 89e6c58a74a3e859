package br.com.regua.hold;

import br.com.regua.brazil.TaxId;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Holds on a debtor: {@code document} is a CPF or CNPJ, with or without punctuation. */
@RestController
class HoldController {

  private final HoldService holds;

  HoldController(HoldService holds) {
    this.holds = holds;
  }

  /** 201 for a new hold, 200 for the same hold again (by holdId). */
  @PostMapping("/api/debtors/{document}/holds")
  ResponseEntity<DebtorHold> place(
      @PathVariable String document, @RequestBody @Valid HoldRequest request) {
    HoldService.Outcome outcome = holds.place(TaxId.canonicalOf(document, "document"), request);
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.hold());
  }

  /** 200 with the lifted hold, the first time and again. */
  @PostMapping("/api/debtors/{document}/holds/{holdId}/lifting")
  DebtorHold lift(
      @PathVariable String document,
      @PathVariable String holdId,
      @RequestBody @Valid LiftRequest request) {
    return holds.lift(TaxId.canonicalOf(document, "document"), holdId, request.reason());
  }

  @GetMapping("/api/debtors/{document}/holds")
  List<DebtorHold> list(@PathVariable String document) {
    return holds.of(TaxId.canonicalOf(document, "document"));
  }
}
