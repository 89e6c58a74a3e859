/** A debtor's channel choices (LGPD): opt-outs, WhatsApp opt-ins, channels found unreachable. */
package br.com.regua.consent;
