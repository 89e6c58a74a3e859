/** WhatsApp through Meta's Cloud API, as approved template messages. */
package br.com.regua.contact.whatsapp;
