/** Email over SMTP. */
package br.com.regua.contact.email;
