/** BRL amounts: cents inside, decimal strings on the wire. */
package br.com.regua.money;
