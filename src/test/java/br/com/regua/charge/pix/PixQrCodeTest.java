package br.com.regua.charge.pix;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR code PNG decodes back to the very BR Code it was drawn from. */
class PixQrCodeTest {

  @Test
  void thePngDecodesToThePayload() throws Exception {
    // given
    String payload =
        new PixPayload(
                "123e4567-e12b-12d1-a456-426655440000",
                null,
                "Cobranca Regua",
                "SAO PAULO",
                123456L,
                "INV1001")
            .payload();

    // when
    byte[] png = PixQrCode.png(payload);

    // then
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(PixQrCode.SIZE);
    Result decoded =
        new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
    assertThat(decoded.getText()).isEqualTo(payload);
  }
}
