/**
 * Disputes (contestações): while one is open nothing reaches the debtor; resolution resumes or
 * cancels the debt.
 */
package br.com.regua.dispute;
