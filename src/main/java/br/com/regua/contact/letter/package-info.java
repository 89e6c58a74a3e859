/** Letters on paper: the PDF and the print-and-post provider. */
package br.com.regua.contact.letter;
