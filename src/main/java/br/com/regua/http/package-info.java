/** What the clients of external HTTP providers share. */
package br.com.regua.http;
