package br.com.regua.contact.letter;

import br.com.regua.charge.PrintedCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays a letter out on A4 pages with Apache PDFBox. The first page is made for a DL window envelope
 * (a sheet folded in three): the recipient's name and address sit in the {@link #WINDOW} and
 * nothing else does, so no one but the debtor sees what the letter is about (CDC art. 42). The
 * letter's text starts below the window.
 *
 * <p>The text is the rendered template, line by line, so analysts control it: a long line wraps, a
 * blank line leaves space, and a line starting with {@code "# "} is a bold heading.
 *
 * <p>A letter with a {@link PaymentSlip} ends with it: the Pix QR code beside the boleto's
 * digitable line and barcode (a BolePix), so the debtor pays from the paper with a phone or at a
 * bank.
 *
 * <p>The same letter always gives the same bytes (no creation time, a document id derived from the
 * content): a job retried after the provider received the letter sends it an identical file.
 */
final class LetterPdf {

  /**
   * What goes on paper: the sender's name, the address block's lines, the text, and the payment
   * slip at its foot (or null: none).
   */
  record Letter(String sender, List<String> recipient, String text, PaymentSlip slip) {

    Letter(String sender, List<String> recipient, String text) {
      this(sender, recipient, text, null);
    }
  }

  /**
   * The foot of a letter the debtor pays from: the amount, and the Pix QR code and the boleto's
   * digitable line and barcode, either of them null when the debt has none (a boleto that no longer
   * charges the balance, no Pix key).
   *
   * @param barcode the boleto's 44 digits, drawn as its barcode
   */
  record PaymentSlip(String amount, String pixPayload, String digitableLine, String barcode) {

    PaymentSlip {
      if (pixPayload == null && digitableLine == null) {
        throw new IllegalArgumentException("a payment slip needs a Pix payload or a boleto");
      }
      if ((digitableLine == null) != (barcode == null)) {
        throw new IllegalArgumentException("a boleto has both a digitable line and a barcode");
      }
    }
  }

  private static final float MM = 72f / 25.4f;
  private static final PDRectangle PAGE = PDRectangle.A4;

  /**
   * Where the envelope's window is, in PDF coordinates (origin at the page's bottom left): the
   * window of a DL envelope (ISO 269, 90 × 45 mm, 20 mm from the left, 15 mm from the bottom) over
   * the top third of the folded sheet.
   */
  static final PDRectangle WINDOW =
      new PDRectangle(20 * MM, PAGE.getHeight() - 95 * MM, 90 * MM, 45 * MM);

  private static final float LEFT = 25 * MM;
  private static final float RIGHT = PAGE.getWidth() - 20 * MM;
  private static final float TOP = PAGE.getHeight() - 20 * MM;
  private static final float BOTTOM = 25 * MM;

  /** The text of the first page starts below the window, past the first fold's margin. */
  private static final float FIRST_PAGE_TEXT_TOP = PAGE.getHeight() - 105 * MM;

  private static final float TEXT_SIZE = 11;
  private static final float HEADING_SIZE = 12;
  private static final float ADDRESS_SIZE = 10;
  private static final float FOOTER_SIZE = 8;
  private static final float LEADING = 1.35f;

  /** The payment slip's QR code: 40 mm, read by a phone from a letter held in the hand. */
  private static final float QR_SIDE = 40 * MM;

  private static final float SLIP_GAP = 12 * MM;

  /** The letter as PDF bytes. */
  byte[] render(Letter letter) {
    try (PDDocument document = new PDDocument()) {
      new Layout(document).write(letter);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setAuthor(letter.sender());
      info.setProducer("Régua");
      COSString id = new COSString(digest(letter));
      COSArray ids = new COSArray();
      ids.add(id);
      ids.add(id);
      document.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the letter's PDF", e);
    }
  }

  /**
   * One pass over the letter: a cursor moving down the pages. Fonts are made per document: PDFBox
   * writes a font's dictionary into the first document that uses it, and a later document sharing
   * the font would refer to an object it does not contain.
   */
  private static final class Layout {

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    Layout(PDDocument document) {
      this.document = document;
    }

    void write(Letter letter) throws IOException {
      newPage();
      line(content, bold, HEADING_SIZE, LEFT, TOP, letter.sender());
      float addressLeft = WINDOW.getLowerLeftX() + 5 * MM;
      float addressWidth = WINDOW.getUpperRightX() - 5 * MM - addressLeft;
      float addressY = WINDOW.getUpperRightY() - 7 * MM;
      for (String recipientLine : letter.recipient()) {
        String text = printable(regular, recipientLine);
        for (String line : wrap(regular, ADDRESS_SIZE, text, addressWidth)) {
          line(content, regular, ADDRESS_SIZE, addressLeft, addressY, line);
          addressY -= ADDRESS_SIZE * LEADING;
        }
      }
      y = FIRST_PAGE_TEXT_TOP;
      for (String line : letter.text().strip().split("\\R", -1)) {
        if (line.isBlank()) {
          y -= TEXT_SIZE * LEADING * 0.7f;
        } else if (line.startsWith("# ")) {
          paragraph(bold, HEADING_SIZE, line.substring(2).strip());
          y -= HEADING_SIZE * 0.3f;
        } else {
          paragraph(regular, TEXT_SIZE, line.strip());
        }
      }
      if (letter.slip() != null) {
        slip(letter.slip());
      }
      content.close();
      numberPages();
    }

    /**
     * The payment slip below a rule: "Pague com Pix ou boleto", the QR code on the left, the
     * amount, digitable line and barcode beside it; on a new page when the text left no room.
     */
    private void slip(PaymentSlip slip) throws IOException {
      float height = SLIP_GAP + HEADING_SIZE * LEADING + QR_SIDE + TEXT_SIZE * LEADING;
      if (y - height < BOTTOM) {
        content.close();
        newPage();
        y = TOP;
      }
      y -= SLIP_GAP / 2;
      content.setLineWidth(0.5f);
      content.moveTo(LEFT, y);
      content.lineTo(RIGHT, y);
      content.stroke();
      y -= SLIP_GAP / 2 + HEADING_SIZE * LEADING;
      String heading =
          slip.pixPayload() == null
              ? "Pague com boleto"
              : slip.digitableLine() == null ? "Pague com Pix" : "Pague com Pix ou boleto";
      line(content, bold, HEADING_SIZE, LEFT, y, heading);
      float top = y - 2 * MM;
      float column = LEFT;
      if (slip.pixPayload() != null) {
        PrintedCodes.qrCode(content, slip.pixPayload(), LEFT, top - QR_SIDE, QR_SIDE);
        line(
            content,
            regular,
            FOOTER_SIZE,
            LEFT,
            top - QR_SIDE - FOOTER_SIZE * LEADING,
            "Pix: aponte a câmera do app do seu banco");
        column = LEFT + QR_SIDE + 8 * MM;
      }
      float lineY = top - TEXT_SIZE * LEADING;
      line(content, regular, TEXT_SIZE, column, lineY, "Valor: " + slip.amount());
      if (slip.digitableLine() != null) {
        lineY -= TEXT_SIZE * LEADING * 1.5f;
        line(content, regular, TEXT_SIZE, column, lineY, "Linha digitável do boleto:");
        lineY -= TEXT_SIZE * LEADING;
        line(content, bold, TEXT_SIZE, column, lineY, slip.digitableLine());
        float barcodeWidth = Math.min(PrintedCodes.BARCODE_WIDTH, RIGHT - column);
        lineY -= 4 * MM + PrintedCodes.BARCODE_HEIGHT;
        PrintedCodes.barcode(
            content, slip.barcode(), column, lineY, barcodeWidth, PrintedCodes.BARCODE_HEIGHT);
      }
      y = top - QR_SIDE - TEXT_SIZE * LEADING;
    }

    private void paragraph(PDType1Font font, float size, String text) throws IOException {
      for (String line : wrap(font, size, printable(font, text), RIGHT - LEFT)) {
        if (y - size * LEADING < BOTTOM) {
          content.close();
          newPage();
          y = TOP;
        }
        y -= size * LEADING;
        line(content, font, size, LEFT, y, line);
      }
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      pages.add(page);
      content = new PDPageContentStream(document, page);
    }

    /** "Página 1 de 2" at the foot of every page, once the number of pages is known. */
    private void numberPages() throws IOException {
      for (int i = 0; i < pages.size(); i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
          String label = "Página " + (i + 1) + " de " + pages.size();
          float x = RIGHT - width(regular, FOOTER_SIZE, label);
          line(footer, regular, FOOTER_SIZE, x, BOTTOM - 10 * MM, label);
        }
      }
    }
  }

  private static void line(
      PDPageContentStream stream,
      PDType1Font font,
      float size,
      float x,
      float baseline,
      String text)
      throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(printable(font, text));
    stream.endText();
  }

  /**
   * Splits text into lines no wider than {@code width}, at spaces; a word wider than a line (a long
   * link) is cut where it must.
   */
  static List<String> wrap(PDType1Font font, float size, String text, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" +")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (width(font, size, candidate) <= width) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (!current.isEmpty()) {
        lines.add(current.toString());
        current.setLength(0);
      }
      String rest = word;
      while (width(font, size, rest) > width) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      current.append(rest);
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  private static float width(PDType1Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /**
   * The text with every character the font can draw: the standard fonts cover Portuguese (WinAnsi),
   * not every name a registration may bring ("Łukasz"): such a letter loses its accent rather than
   * failing, and anything else becomes "?".
   */
  static String printable(PDType1Font font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String c = cp == '\t' ? " " : Character.toString(cp);
              if (canDraw(font, c)) {
                out.append(c);
                return;
              }
              String base = Normalizer.normalize(c, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
              out.append(!base.isEmpty() && canDraw(font, base) ? base : "?");
            });
    return out.toString();
  }

  private static boolean canDraw(PDType1Font font, String c) {
    try {
      font.encode(c);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private static byte[] digest(Letter letter) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String canonical =
          String.join(
              "\n",
              letter.sender(),
              String.join("\n", letter.recipient()),
              letter.text(),
              String.valueOf(letter.slip()));
      return Arrays.copyOf(md.digest(canonical.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
