/**
 * Providers' delivery receipts (webhooks) applied to the contact log; messages that failed after
 * sending.
 */
package br.com.regua.contact.delivery;
