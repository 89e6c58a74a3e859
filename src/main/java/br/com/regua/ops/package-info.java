/** Operations: metrics, the debt in every log line (MDC), personal data masked in logs. */
package br.com.regua.ops;
