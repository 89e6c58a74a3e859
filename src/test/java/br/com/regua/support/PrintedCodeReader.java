package br.com.regua.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the codes printed on a PDF's page as a phone or a bank's scanner would: the page rendered
 * at 200 dpi in grey, then decoded by ZXing. What a test reads back is what a debtor can pay with.
 */
public final class PrintedCodeReader {

  private PrintedCodeReader() {}

  /** The 44 digits of the boleto barcode (ITF) on the page ({@code pageIndex} from 0). */
  public static String boletoBarcode(PDDocument document, int pageIndex)
      throws IOException, NotFoundException {
    return read(
        document,
        pageIndex,
        Map.of(
            DecodeHintType.POSSIBLE_FORMATS,
            List.of(BarcodeFormat.ITF),
            DecodeHintType.TRY_HARDER,
            true,
            DecodeHintType.ALLOWED_LENGTHS,
            new int[] {44}));
  }

  /** The text of the QR code on the page (a Pix payload). */
  public static String qrCode(PDDocument document, int pageIndex)
      throws IOException, NotFoundException {
    return read(
        document,
        pageIndex,
        Map.of(
            DecodeHintType.POSSIBLE_FORMATS,
            List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.TRY_HARDER,
            true));
  }

  private static String read(PDDocument document, int pageIndex, Map<DecodeHintType, ?> hints)
      throws IOException, NotFoundException {
    BufferedImage page =
        new PDFRenderer(document).renderImageWithDPI(pageIndex, 200, ImageType.GRAY);
    var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
    return new MultiFormatReader().decode(bitmap, hints).getText();
  }
}
