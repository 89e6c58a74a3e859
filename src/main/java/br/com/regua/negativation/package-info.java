/**
 * The credit bureau: negativation after the prior notice, removal once settled; with its own
 * workers.
 */
package br.com.regua.negativation;
