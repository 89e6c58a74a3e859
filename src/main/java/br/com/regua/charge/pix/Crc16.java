package br.com.regua.charge.pix;

import java.nio.charset.StandardCharsets;

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR): the
 * checksum that closes every EMV QR code, PIX's BR Code included (field 63). Check value:
 * "123456789" gives 0x29B1.
 */
final class Crc16 {

  private Crc16() {}

  static int ccittFalse(String text) {
    int crc = 0xFFFF;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      crc ^= (b & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xFFFF;
    }
    return crc;
  }

  /** The CRC as BR Code writes it: four uppercase hex digits. */
  static String hex(String text) {
    return "%04X".formatted(ccittFalse(text));
  }
}
