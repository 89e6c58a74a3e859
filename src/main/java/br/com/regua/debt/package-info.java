/**
 * The debt as the system of record keeps it: storage, its status and the transitions ({@code
 * DebtLifecycle}), its timeline and view.
 */
package br.com.regua.debt;
