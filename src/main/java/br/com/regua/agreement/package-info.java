/**
 * Agreements (acordos): offers, signing, installments and their journey, breaking; with its own
 * workers.
 */
package br.com.regua.agreement;
