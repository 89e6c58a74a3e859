/**
 * The debtor's self-service portal behind the link of every message (docs/portal.md): signed links
 * ({@link br.com.regua.security.PortalTokens}), identity confirmation, the open debts with today's
 * amount, Pix, boleto, and the debtor's actions through the same services as the API.
 */
@org.springframework.lang.NonNullApi
package br.com.regua.portal;
