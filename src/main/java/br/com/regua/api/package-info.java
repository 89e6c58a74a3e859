/**
 * What every controller shares: errors as {@code application/problem+json}, naming the field at
 * fault.
 */
package br.com.regua.api;
