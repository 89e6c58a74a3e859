package br.com.regua.charge;

/**
 * The ways a debtor can pay a debt, as reminders and the API show them. A missing option is null:
 * no boleto registered (or its amount no longer matches the balance), or no PIX key configured.
 *
 * @param digitableLine the boleto's linha digitável, formatted with dots and spaces
 * @param pixCopyAndPaste the PIX BR Code for the open balance ("Pix copia e cola")
 * @param paymentLink the creditor's payment page for this debt
 */
public record PaymentOptions(String digitableLine, String pixCopyAndPaste, String paymentLink) {}
