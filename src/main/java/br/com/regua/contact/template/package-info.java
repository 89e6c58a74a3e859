/** The texts debtors receive, from the Mustache files of {@code templates/}. */
package br.com.regua.contact.template;
