/** Payments received: applied to debts (balance, status) and announced to their journeys. */
package br.com.regua.payment;
