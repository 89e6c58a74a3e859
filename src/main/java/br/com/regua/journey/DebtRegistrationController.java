package br.com.regua.journey;

import br.com.regua.debt.DebtView;
import br.com.regua.debt.RegisterDebtRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The integrations' API: register a debt, which starts its journey. */
@RestController
@RequestMapping("/api/debts")
class DebtRegistrationController {

  private final DebtRegistration registration;

  DebtRegistrationController(DebtRegistration registration) {
    this.registration = registration;
  }

  /** 201 for a new debt, 200 for the same registration again, 409 for the same id changed. */
  @PostMapping
  ResponseEntity<DebtView> register(@RequestBody @Valid RegisterDebtRequest request) {
    DebtRegistration.Registration registered = registration.register(request);
    DebtView debt = registered.debt();
    return registered.created()
        ? ResponseEntity.created(URI.create("/api/debts/" + debt.debtId())).body(debt)
        : ResponseEntity.ok(debt);
  }
}
