/**
 * How a debtor can be charged: the payment options of a debt, its boleto ({@code boleto}) and PIX
 * charge ({@code pix}).
 */
package br.com.regua.charge;
