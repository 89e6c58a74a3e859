/**
 * Brazilian value types: CPF and CNPJ, states (UF) and their time zones, phone numbers, business
 * days.
 */
package br.com.regua.brazil;
