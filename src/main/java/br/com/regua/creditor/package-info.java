/** The creditor that every collection message identifies (CDC art. 42-A). */
package br.com.regua.creditor;
