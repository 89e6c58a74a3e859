package br.com.regua.charge;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.ITFWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The payment codes as they go on paper, drawn as vector shapes into a PDF page so that they print
 * sharp at any size: the boleto's barcode and the Pix QR code. A boleto printed with the Pix QR of
 * the same debt is what banks call a BolePix: the debtor pays it either way.
 */
public final class PrintedCodes {

  /** FEBRABAN's barcode is 103 mm wide and 13 mm tall, in PDF points. */
  public static final float BARCODE_WIDTH = 103 * 72f / 25.4f;

  public static final float BARCODE_HEIGHT = 13 * 72f / 25.4f;

  /** Quiet zone around a QR code, in modules (ISO/IEC 18004 asks for 4). */
  private static final int QR_QUIET_ZONE = 4;

  private PrintedCodes() {}

  /**
   * The boleto's barcode: Interleaved 2 of 5 of its 44 digits, {@code width} wide with its lower
   * left corner at ({@code x}, {@code y}).
   */
  public static void barcode(
      PDPageContentStream page, String digits, float x, float y, float width, float height)
      throws IOException {
    BitMatrix bars =
        new ITFWriter().encode(digits, BarcodeFormat.ITF, 0, 1, Map.of(EncodeHintType.MARGIN, 0));
    float module = width / bars.getWidth();
    for (int i = 0; i < bars.getWidth(); i++) {
      if (bars.get(i, 0)) {
        page.addRect(x + i * module, y, module, height);
      }
    }
    page.fill();
  }

  /**
   * The QR code of a Pix payload, a square of {@code side} (its quiet zone included) with its lower
   * left corner at ({@code x}, {@code y}). Error correction M, as on the portal: a folded or
   * smudged letter still reads.
   */
  public static void qrCode(PDPageContentStream page, String payload, float x, float y, float side)
      throws IOException {
    BitMatrix modules;
    try {
      // size 0: the symbol's own modules, one cell each; the quiet zone is added here
      modules =
          new QRCodeWriter()
              .encode(
                  payload,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("payload does not fit a QR code", e);
    }
    int cells = modules.getWidth() + 2 * QR_QUIET_ZONE;
    float cell = side / cells;
    float top = y + side;
    for (int row = 0; row < modules.getHeight(); row++) {
      for (int column = 0; column < modules.getWidth(); column++) {
        if (modules.get(column, row)) {
          page.addRect(
              x + (column + QR_QUIET_ZONE) * cell,
              top - (row + QR_QUIET_ZONE + 1) * cell,
              cell,
              cell);
        }
      }
    }
    page.fill();
  }
}
