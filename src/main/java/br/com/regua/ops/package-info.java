/**
 * Operations: metrics, the debt in every log line (MDC), personal data masked in logs, and SQL
 * arrays for statements over many rows.
 */
package br.com.regua.ops;
