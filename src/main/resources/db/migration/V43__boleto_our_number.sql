-- The bank's own number of a debt's boleto (nosso número), as the creditor registered it, without
-- punctuation or leading zeros: what a CNAB 240 return names each title by (segment T 38-57).
alter table debt add column boleto_our_number varchar(20);

create index debt_boleto_our_number on debt (boleto_our_number) where boleto_our_number is not null;
