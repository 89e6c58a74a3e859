/** PIX BR Codes (copia e cola) and their QR codes, for the creditor's receiving account. */
package br.com.regua.charge.pix;
