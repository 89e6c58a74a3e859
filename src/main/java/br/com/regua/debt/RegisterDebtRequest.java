package br.com.regua.debt;

import br.com.regua.brazil.Uf;
import br.com.regua.brazil.ValidPhone;
import br.com.regua.brazil.ValidTaxId;
import br.com.regua.charge.boleto.Boleto;
import br.com.regua.money.BrlAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * {@code POST /api/debts}: what the creditor's system tells us about a debt. The payment-propensity
 * score (0–1000) and the count of past late payments are optional inputs of the strategy decision;
 * the debtor's postal address is optional too. The optional boleto is the bank slip the creditor
 * issued for the debt: reminders show its digitable line.
 */
public record RegisterDebtRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String debtId,
    @NotNull @Valid Debtor debtor,
    @NotNull @BrlAmount String amount,
    @NotNull LocalDate dueDate,
    @Min(0) @Max(1000) Integer propensityScore,
    @PositiveOrZero Integer latePaymentCount,
    @Valid BoletoReference boleto) {

  /** Ids travel in URLs and as correlation keys: letters, digits and . _ - only. */
  public static final String ID_PATTERN = "[A-Za-z0-9._-]+";

  public static final String ID_MESSAGE = "may contain only letters, digits, '.', '_' and '-'";

  /** E.164: a + and the country code, then at most 15 digits in all. */
  public static final String PHONE_PATTERN = "\\+[1-9][0-9]{7,14}";

  /** A bank's nosso número as boletos print it. */
  public static final String OUR_NUMBER_PATTERN = "[0-9A-Za-z./ -]*";

  public record Debtor(
      @NotNull @ValidTaxId String document,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @NotNull
          @Pattern(
              regexp = PHONE_PATTERN,
              message = "must be an E.164 phone number, e.g. +5511987654321")
          @ValidPhone
          String phone,
      @NotNull Uf state,
      Boolean whatsappOptIn,
      @Valid Address address) {}

  /**
   * A bank boleto by its 44-digit barcode or its 47-digit digitable line (dots and spaces allowed),
   * and optionally the bank's own number of the title (nosso número), which the bank's return files
   * name it by.
   */
  @ValidBoleto
  public record BoletoReference(
      String barcode,
      String digitableLine,
      @Size(max = 20)
          @Pattern(
              regexp = OUR_NUMBER_PATTERN,
              message = "must be the bank's nosso número: letters and digits, at most 20")
          String ourNumber) {

    /**
     * The nosso número as the return files are matched by it: letters and digits only, without the
     * leading zeros banks pad it with; null when not given.
     */
    public String canonicalOurNumber() {
      return canonicalOurNumber(ourNumber);
    }

    public static String canonicalOurNumber(String ourNumber) {
      if (ourNumber == null) {
        return null;
      }
      String canonical = ourNumber.replaceAll("[^0-9A-Za-z]", "").replaceFirst("^0+", "");
      return canonical.isEmpty() ? null : canonical.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * @throws br.com.regua.charge.boleto.InvalidBoletoException if a check digit is wrong
     */
    public Boleto toBoleto() {
      return barcode != null
          ? Boleto.fromBarcode(barcode)
          : Boleto.fromDigitableLine(digitableLine);
    }

    /** The field the creditor gave, for error messages. */
    String field() {
      return barcode != null ? "boleto.barcode" : "boleto.digitableLine";
    }
  }

  /**
   * The debtor's postal address, for letters. Optional: a debtor without one is reached on the
   * other channels, and a letter step for them fails with a clear reason.
   */
  public record Address(
      @NotBlank @Size(max = 200) String street,
      @NotBlank @Size(max = 20) String number,
      @Size(max = 100) String complement,
      @NotBlank @Size(max = 100) String district,
      @NotBlank @Size(max = 100) String city,
      @NotNull Uf state,
      @NotNull @Pattern(regexp = CEP_PATTERN, message = "must be a CEP of 8 digits, e.g. 01310-100")
          String postalCode) {}

  /** A CEP with or without its hyphen. */
  public static final String CEP_PATTERN = "[0-9]{5}-?[0-9]{3}";
}
