/**
 * Debtor holds: judicial recovery, over-indebtedness, death or a legal order. While a hold stands
 * nothing reaches the debtor and nothing firm happens on any of their debts; a death ends their
 * journeys.
 */
package br.com.regua.hold;
