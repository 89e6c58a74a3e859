package br.com.regua.charge.pix;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The QR code image of a BR Code, drawn by ZXing. */
public final class PixQrCode {

  /** Side of the image in pixels: sharp on a phone screen and in an email, small as a PNG. */
  static final int SIZE = 400;

  private PixQrCode() {}

  /**
   * A PNG of the payload's QR code. Error correction M (15% of the symbol can be lost): a printed
   * or scratched code still reads, and a BR Code of some 150 characters stays a small symbol.
   */
  public static byte[] png(String payload) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  payload,
                  BarcodeFormat.QR_CODE,
                  SIZE,
                  SIZE,
                  Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
      return png.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("payload does not fit a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG in memory failed", e);
    }
  }
}
