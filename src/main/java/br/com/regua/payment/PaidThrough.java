package br.com.regua.payment;

/**
 * The instrument a payment came through: it decides which of the debt's other instruments must be
 * cancelled once the debt is paid (the one that was paid is settled already).
 */
public enum PaidThrough {
  /** An integration's {@code POST /api/debts/{id}/payments}: the instrument is not known. */
  API,
  /** A Pix with the debt's full txid: its cobv was paid, and is concluded at the PSP. */
  PIX_COBV,
  /** A Pix through a static BR Code (the 25-character txid), or with no txid: the cobv stays. */
  PIX_STATIC,
  /** The debt's boleto, liquidated at a bank (a CNAB 240 return). */
  BOLETO
}
