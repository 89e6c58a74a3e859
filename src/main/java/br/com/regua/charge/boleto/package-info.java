/** Bank boletos (FEBRABAN): barcode, digitable line, check digits and due-date factor. */
package br.com.regua.charge.boleto;
