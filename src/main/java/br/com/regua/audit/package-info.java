/**
 * The compliance audit ({@code bin/audit}): reads the database after any run and checks the contact
 * log, the events, the negativations and the agreements against the rules of Brazilian law and of
 * the journey, independently of the code that applies them.
 */
package br.com.regua.audit;
