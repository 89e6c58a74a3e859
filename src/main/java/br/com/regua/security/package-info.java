/** Who may call: integrations by API key, people by sign-in, providers by webhook signature. */
package br.com.regua.security;
