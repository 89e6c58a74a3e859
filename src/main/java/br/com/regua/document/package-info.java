/** Documents sent to debtors (letters' PDFs), kept exactly as sent. */
package br.com.regua.document;
