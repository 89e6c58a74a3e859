/** SMS through an HTTP gateway. */
package br.com.regua.contact.sms;
