package br.com.regua.portal;

import br.com.regua.api.NotFoundException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revokes a debt's portal links (a lost phone, a message sent to the wrong address): every link
 * issued until today stops opening the portal; the next messages carry working ones again.
 */
@RestController
class PortalLinkController {

  record RevocationRequest(@NotBlank @Size(max = 200) String reason) {}

  private final DebtRepository debts;
  private final PortalLinks links;
  private final PortalAudit audit;

  PortalLinkController(DebtRepository debts, PortalLinks links, PortalAudit audit) {
    this.debts = debts;
    this.links = links;
    this.audit = audit;
  }

  /** 204; the same again changes nothing but the reason. */
  @PostMapping("/api/debts/{debtId}/portal-link-revocations")
  ResponseEntity<Void> revoke(
      @PathVariable String debtId,
      @RequestBody @Valid RevocationRequest request,
      HttpServletRequest http) {
    Debt debt = debts.find(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
    links.revoke(debt, request.reason());
    audit.record(
        debt.paymentToken(), debtId, PortalAudit.Action.LINK_REVOKED, request.reason(), http);
    return ResponseEntity.noContent().build();
  }
}
