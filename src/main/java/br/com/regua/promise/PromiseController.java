package br.com.regua.promise;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PromiseController {

  private final PromiseService promises;

  PromiseController(PromiseService promises) {
    this.promises = promises;
  }

  /** 201 for a new promise, 200 for the same promise again (by promiseId). */
  @PostMapping("/api/debts/{debtId}/promises")
  ResponseEntity<PromiseView> promise(
      @PathVariable String debtId, @RequestBody @Valid PromiseRequest request) {
    PromiseService.Outcome outcome =
        promises.make(
            debtId, request.promiseId(), request.promisedDate(), PromiseService.API_SOURCE);
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.promise());
  }
}
