package br.com.regua.agreement;

import java.time.Instant;

public record AgreementView(
    String agreementId, String debtId, int installments, Instant signedAt) {}
