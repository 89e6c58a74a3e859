package br.com.regua.hold;

import br.com.regua.brazil.TaxId;

/** Why a debtor must not be pursued, or not now (BRAZIL-RULES.md, "Debtors who must not…"). */
public enum HoldKind {
  /**
   * Recuperação judicial of a company (Lei 11.101/2005 art. 6): the stay period suspends the
   * collection of the debts it covers. Companies only (CNPJ).
   */
  JUDICIAL_RECOVERY("recuperação judicial", TaxId.Kind.PJ),
  /**
   * Repactuação of an over-indebted consumer (Lei 14.181/2021): firm actions stop and offers keep
   * the existential minimum (Decreto 11.567/2023). Persons only (CPF).
   */
  OVER_INDEBTEDNESS("superendividamento", TaxId.Kind.PF),
  /** The debtor died: the estate is collected otherwise; the journeys end. Persons only (CPF). */
  DECEASED("falecimento", TaxId.Kind.PF),
  /** Any other order to stop (a court's injunction, a Procon agreement): either kind of debtor. */
  LEGAL("ordem judicial ou legal", null);

  private final String label;
  private final TaxId.Kind debtorKind;

  HoldKind(String label, TaxId.Kind debtorKind) {
    this.label = label;
    this.debtorKind = debtorKind;
  }

  /** How timelines, agents and letters name it (pt-BR). */
  public String label() {
    return label;
  }

  /** Whether a debtor of this kind (CPF or CNPJ) may be under such a hold. */
  public boolean appliesTo(TaxId.Kind kind) {
    return debtorKind == null || debtorKind == kind;
  }

  /** A death is not lifted: it ends the debtor's journeys. */
  public boolean endsJourneys() {
    return this == DECEASED;
  }
}
