/** The agent desk's page. */
package br.com.regua.desk;
