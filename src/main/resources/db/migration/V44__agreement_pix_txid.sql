-- An agreement's Pix txid (charge/pix/Txid.forAgreement): 32 letters and digits derived from its id,
-- as a debt's (V40), under a name of its own so the two never meet. The debtor pays the installment
-- due by a static BR Code that carries its first 25 characters; the PSP's notification names the
-- agreement by them, and the payment goes to the installments in order.
alter table agreement add column pix_txid varchar(35)
    generated always as (md5('regua-pix-acordo:' || agreement_id)) stored;
create unique index agreement_pix_txid_idx on agreement (pix_txid);
create unique index agreement_pix_static_txid_idx on agreement (left(pix_txid, 25));
