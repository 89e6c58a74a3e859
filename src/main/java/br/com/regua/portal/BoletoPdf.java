package br.com.regua.portal;

import br.com.regua.charge.PrintedCodes;
import br.com.regua.charge.boleto.Boleto;
import br.com.regua.creditor.CreditorProperties;
import br.com.regua.debt.Debt;
import br.com.regua.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * The boleto's printable second copy: the creditor (beneficiário), the payer, due date, amount, the
 * digitable line and the barcode (Interleaved 2 of 5 of the 44 digits, as FEBRABAN lays it out),
 * and, when the debt has a Pix charge, its QR code beside them (a BolePix: the debtor pays by
 * boleto or by Pix, whichever is at hand). Codes are vector shapes ({@link PrintedCodes}), sharp
 * when printed.
 */
@Component
public class BoletoPdf {

  private static final float MARGIN = 40;

  /** 45 mm: a Pix QR code of some 150 characters reads from a phone at arm's length. */
  private static final float QR_SIDE = 45 * 72f / 25.4f;

  private final CreditorProperties creditor;

  BoletoPdf(CreditorProperties creditor) {
    this.creditor = creditor;
  }

  /**
   * @param pixPayload the debt's Pix copy-and-paste of the same amount, or null: no QR code
   */
  public byte[] render(Debt debt, Boleto boleto, String pixPayload, LocalDate today) {
    long amount = boleto.amountCents() == 0 ? debt.openBalanceCents() : boleto.amountCents();
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument pdf = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      float top = page.getMediaBox().getHeight() - MARGIN;
      try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
        float y = top;
        y = line(text, bold, 16, y, "Segunda via de boleto");
        y = line(text, regular, 9, y, "Emitida em " + PortalDebts.BR_DATE.format(today));
        y -= 10;
        y = line(text, bold, 10, y, "Beneficiário");
        y = line(text, regular, 10, y, creditor.name() + "  CNPJ " + creditor.cnpj());
        y = line(text, regular, 10, y, creditor.address());
        y = line(text, regular, 10, y, "Atendimento: " + creditor.supportContact());
        y -= 8;
        y = line(text, bold, 10, y, "Pagador");
        y = line(text, regular, 10, y, debt.debtor().name());
        y -= 8;
        y = line(text, bold, 10, y, "Documento");
        y = line(text, regular, 10, y, debt.debtId());
        y -= 8;
        y = line(text, bold, 10, y, "Vencimento");
        y = line(text, regular, 12, y, PortalDebts.BR_DATE.format(debt.dueDate()));
        y = line(text, bold, 10, y, "Valor do documento");
        y = line(text, bold, 14, y, Money.toReais(amount));
        y -= 14;
        y = line(text, bold, 10, y, "Linha digitável");
        y = line(text, bold, 12, y, boleto.formattedDigitableLine());
        y -= 16;
        PrintedCodes.barcode(
            text,
            boleto.barcode(),
            MARGIN,
            y - PrintedCodes.BARCODE_HEIGHT,
            PrintedCodes.BARCODE_WIDTH,
            PrintedCodes.BARCODE_HEIGHT);
        y -= PrintedCodes.BARCODE_HEIGHT + 20;
        y =
            line(
                text,
                regular,
                8,
                y,
                "Pague em qualquer banco, lotérica ou app até o vencimento. Após o vencimento, pague"
                    + " pelo link da mensagem.");
        if (pixPayload != null) {
          y -= 16;
          y = line(text, bold, 12, y, "Ou pague com Pix");
          y =
              line(
                  text,
                  regular,
                  10,
                  y,
                  "Aponte a câmera do app do seu banco para o código abaixo. O valor é o mesmo.");
          PrintedCodes.qrCode(text, pixPayload, MARGIN, y - QR_SIDE, QR_SIDE);
        }
      }
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float line(PDPageContentStream s, PDType1Font font, float size, float y, String t)
      throws IOException {
    s.beginText();
    s.setFont(font, size);
    s.newLineAtOffset(MARGIN, y - size);
    s.showText(t);
    s.endText();
    return y - size * 1.5f;
  }
}
