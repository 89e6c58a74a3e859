/** A debtor's history across all their debts, for agents. */
package br.com.regua.debtor;
