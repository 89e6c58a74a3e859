/**
 * Development providers answered by the service itself in embedded mode: mailbox, SMS, WhatsApp,
 * print, credit bureau.
 */
package br.com.regua.devkit.providers;
