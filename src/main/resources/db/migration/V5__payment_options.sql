-- The bank boleto a creditor registered with the debt, as its 44-digit barcode (FEBRABAN layout):
-- reminders show its digitable line. Null when the debt has none.
alter table debt add column boleto_barcode char(44) check (boleto_barcode ~ '^[0-9]{44}$');
