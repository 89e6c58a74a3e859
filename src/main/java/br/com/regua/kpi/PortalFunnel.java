package br.com.regua.kpi;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The debtor portal's funnel for the debts due in the period, each step counting debts: the
 * messages that carried a link (every reminder does), links opened, identities confirmed, and what
 * followed through the portal (the portal's audit): agreements, promises, disputes, and debts paid
 * in full after a visit (the payment itself comes from the bank: paid after the debtor saw it).
 */
@Component
class PortalFunnel {

  /** Link steps count messages; the others count debts. */
  record Funnel(
      long linksSent,
      long opened,
      long identityConfirmed,
      long paid,
      long agreed,
      long promised,
      long contested) {}

  private final JdbcClient jdbc;

  PortalFunnel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Funnel of(LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            with cohort as (select debt_id, payment_token, status from debt
                             where due_date between :from and :to),
                 seen as (select distinct c.debt_id, a.action from portal_audit a
                            join cohort c on c.payment_token = a.payment_token),
                 acted as (select distinct a.debt_id, a.action from portal_audit a
                             join cohort c on c.debt_id = a.debt_id)
            select
              (select count(*) from contact x join cohort c using (debt_id)
                where x.outcome in ('SENT', 'RECORDED')) as links_sent,
              (select count(*) from seen where action = 'OPENED') as opened,
              (select count(*) from seen where action = 'IDENTITY_CONFIRMED') as confirmed,
              (select count(*) from cohort c where c.status = 'PAID' and exists
                 (select 1 from portal_visit v join payment p on p.debt_id = v.debt_id
                   where v.debt_id = c.debt_id and p.paid_at >= v.started_at)) as paid,
              (select count(*) from acted where action = 'AGREEMENT_SIGNED') as agreed,
              (select count(*) from acted where action = 'PROMISE_MADE') as promised,
              (select count(*) from acted where action = 'DISPUTE_OPENED') as contested
            """)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Funnel(
                    rs.getLong("links_sent"),
                    rs.getLong("opened"),
                    rs.getLong("confirmed"),
                    rs.getLong("paid"),
                    rs.getLong("agreed"),
                    rs.getLong("promised"),
                    rs.getLong("contested")))
        .single();
  }
}
