/** Promises to pay: they suspend the firm actions until their date; with their workers. */
package br.com.regua.promise;
