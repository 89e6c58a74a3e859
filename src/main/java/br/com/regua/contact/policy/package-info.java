/**
 * When and how often a debtor may be contacted: the states' hours, the daily limit, installments
 * due.
 */
package br.com.regua.contact.policy;
