package br.com.regua.negativation;

/**
 * A call to the credit bureau that did not give an answer we can use. The two kinds call for
 * different handling by the job workers (see {@link CreditBureauRetryPolicy}): a rejection will not
 * change by retrying, an unavailable bureau may answer later.
 */
public abstract sealed class CreditBureauException extends RuntimeException
    permits CreditBureauRejectedException, CreditBureauUnavailableException {

  CreditBureauException(String message, Throwable cause) {
    super(message, cause);
  }
}
