/**
 * A debt's journey from the service's side: registration starts it, it is started again where it
 * stood when the engine lost it, and it ends the debt.
 */
package br.com.regua.journey;
