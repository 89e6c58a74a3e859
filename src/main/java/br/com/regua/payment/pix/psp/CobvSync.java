package br.com.regua.payment.pix.psp;

import static br.com.regua.payment.pix.psp.PspFailures.Operation.COBV;
import static br.com.regua.payment.pix.psp.PspFailures.Operation.COBV_REMOVAL;

import br.com.regua.charge.pix.PixProperties;
import br.com.regua.charge.pix.Txid;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.http.ProviderHttp;
import br.com.regua.ops.OnOneReplica;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Keeps each open debt's cobv at the PSP in step with the debt: {@code PUT /cobv/{txid}} for an
 * open debt that has none yet (a new registration), {@code PATCH /cobv/{txid}} with the new {@code
 * valor.original} when the open balance changed (a partial payment). Until the PSP answers, the
 * debtor's Pix is the static BR Code. What the PSP fails or refuses backs off and may become an
 * incident ({@link PspFailures}); the run stops at a failure, the PSP being most likely down.
 */
@Component
class CobvSync {

  private final ObjectProvider<PspClient> psp;
  private final PspChargeStore charges;
  private final PspFailures failures;
  private final DebtRepository debts;
  private final PixProperties pix;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final BigDecimal finePercent;
  private final BigDecimal monthlyInterestPercent;
  private final OnOneReplica replicas;

  CobvSync(
      ObjectProvider<PspClient> psp,
      PspChargeStore charges,
      PspFailures failures,
      DebtRepository debts,
      PixProperties pix,
      JdbcClient jdbc,
      Clock clock,
      @Value("${regua.agreement.fine-percent:2}") BigDecimal finePercent,
      @Value("${regua.agreement.monthly-interest-percent:1}") BigDecimal monthlyInterestPercent,
      OnOneReplica replicas) {
    this.psp = psp;
    this.charges = charges;
    this.failures = failures;
    this.debts = debts;
    this.pix = pix;
    this.jdbc = jdbc;
    this.clock = clock;
    this.finePercent = finePercent;
    this.monthlyInterestPercent = monthlyInterestPercent;
    this.replicas = replicas;
  }

  // On one replica at a time (ops/OnOneReplica): the txid is the debt's (Txid.forDebt), so a PUT
  // twice is the same cobv and a PATCH twice the same amount, but two replicas walking the same
  // debts would race on each cobv's revision and call the PSP twice for every change.

  @Scheduled(
      initialDelayString = "${regua.pix.psp.sync-interval:PT15S}",
      fixedDelayString = "${regua.pix.psp.sync-interval:PT15S}")
  void run() {
    PspClient client = psp.getIfAvailable();
    if (client != null && pix.enabled()) {
      replicas.run("cobv-sync", () -> syncWith(client, null));
    }
  }

  /**
   * Creates or updates the cobv of every open debt out of step with it ({@code onlyDebtIds}: of
   * those debts only; null for all). False when the PSP failed and the rest waits for the next run.
   */
  boolean syncWith(PspClient client, Collection<String> onlyDebtIds) {
    return removeEnded(client, onlyDebtIds) && createOrRevise(client, onlyDebtIds);
  }

  /**
   * Removes the active cobv of a debt renegotiated (its agreement charges instead) or cancelled:
   * nobody may pay it any more. A paid debt's cobv goes through the instrument cancellations.
   */
  private boolean removeEnded(PspClient client, Collection<String> onlyDebtIds) {
    Instant wallNow = Instant.now();
    List<Ended> ended =
        jdbc.sql(
                """
                select c.txid, c.debt_id from pix_charge c join debt d on d.debt_id = c.debt_id
                 where c.status = 'ATIVA' and d.status in ('RENEGOTIATED', 'CANCELLED')
                   and (cast(:only as text[]) is null or d.debt_id = any(cast(:only as text[])))
                   and not exists (select 1 from psp_failure f
                                    where f.operation = 'COBV_REMOVAL' and f.reference = c.txid
                                      and (f.next_attempt_at is null or f.next_attempt_at > :now))
                 limit 500
                """)
            .param(
                "only", onlyDebtIds == null ? null : br.com.regua.ops.SqlArrays.text(onlyDebtIds))
            .param("now", Timestamp.from(wallNow))
            .query((rs, n) -> new Ended(rs.getString("txid"), rs.getString("debt_id")))
            .list();
    Set<String> failedBefore = ended.isEmpty() ? Set.of() : failures.recorded(COBV_REMOVAL);
    for (Ended charge : ended) {
      try {
        client.removeCobv(charge.txid());
        charges.removed(charge.txid(), clock.instant());
      } catch (RestClientResponseException e) {
        if (e.getStatusCode().value() == 404) {
          charges.removed(charge.txid(), clock.instant());
        } else {
          boolean refused = !ProviderHttp.isTransient(e);
          failures.failed(
              COBV_REMOVAL,
              charge.txid(),
              charge.debtId(),
              ProviderHttp.describe(e),
              refused,
              wallNow);
          if (!refused) {
            return false;
          }
          continue;
        }
      } catch (RestClientException e) {
        failures.failed(
            COBV_REMOVAL, charge.txid(), charge.debtId(), unreachable(e), false, wallNow);
        return false;
      }
      if (failedBefore.contains(charge.txid())) {
        failures.succeeded(COBV_REMOVAL, charge.txid());
      }
    }
    return true;
  }

  private record Ended(String txid, String debtId) {}

  static String unreachable(RestClientException e) {
    return "PSP unreachable: " + e.getMessage();
  }

  private boolean createOrRevise(PspClient client, Collection<String> onlyDebtIds) {
    Instant wallNow = Instant.now();
    List<String> outOfStep = outOfStep(onlyDebtIds, wallNow);
    Set<String> failedBefore = outOfStep.isEmpty() ? Set.of() : failures.recorded(COBV);
    for (String debtId : outOfStep) {
      Debt debt = debts.find(debtId).orElse(null);
      if (debt == null || !debt.status().isOpen() || debt.openBalanceCents() <= 0) {
        continue;
      }
      String txid = Txid.forDebt(debtId);
      try {
        boolean exists =
            jdbc.sql("select count(*) from pix_charge where txid = :txid")
                    .param("txid", txid)
                    .query(Long.class)
                    .single()
                > 0;
        PspClient.Cobv cobv =
            exists
                ? client.patchCobv(txid, CobvRequests.newBalance(debt.openBalanceCents()))
                : client.putCobv(
                    txid,
                    CobvRequests.create(
                        debt.dueDate(),
                        debt.openBalanceCents(),
                        debt.debtor().document(),
                        debt.debtor().name(),
                        pix.key(),
                        finePercent,
                        monthlyInterestPercent));
        charges.record(debtId, cobv, txid, debt.openBalanceCents(), clock.instant());
        if (failedBefore.contains(debtId)) {
          failures.succeeded(COBV, debtId);
        }
      } catch (RestClientResponseException e) {
        boolean refused = !ProviderHttp.isTransient(e);
        failures.failed(COBV, debtId, debtId, ProviderHttp.describe(e), refused, wallNow);
        if (!refused) {
          return false;
        }
      } catch (RestClientException e) {
        failures.failed(COBV, debtId, debtId, unreachable(e), false, wallNow);
        return false;
      }
    }
    return true;
  }

  /**
   * Open debts with no cobv, or whose active cobv charges another amount than the balance; not
   * those whose last failure is being waited out or became an incident ({@link PspFailures}).
   */
  private List<String> outOfStep(Collection<String> onlyDebtIds, Instant wallNow) {
    return jdbc.sql(
            """
            select d.debt_id from debt d
              left join pix_charge c on c.debt_id = d.debt_id
             where d.status in ('ACTIVE', 'PROMISED', 'DISPUTED', 'NEGATIVATED')
               and d.open_balance_cents > 0
               and (c.txid is null or (c.status = 'ATIVA' and c.amount_cents <> d.open_balance_cents))
               and (cast(:only as text[]) is null or d.debt_id = any(cast(:only as text[])))
               and not exists (select 1 from psp_failure f
                                where f.operation = 'COBV' and f.reference = d.debt_id
                                  and (f.next_attempt_at is null or f.next_attempt_at > :now))
             order by d.registered_at
             limit 500
            """)
        .param("only", onlyDebtIds == null ? null : br.com.regua.ops.SqlArrays.text(onlyDebtIds))
        .param("now", Timestamp.from(wallNow))
        .query(String.class)
        .list();
  }
}
