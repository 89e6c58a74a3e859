package br.com.regua.charge.pix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A debt's Pix transaction id: 32 lowercase hex characters, the MD5 of {@code "regua-pix:" +
 * debtId}. PostgreSQL derives the same value as the generated column {@code debt.pix_txid}
 * (migration V40), so the two never disagree and every debt has one from its registration on.
 *
 * <ul>
 *   <li>A charge with due date ({@code cobv}) takes 26 to 35 letters and digits (API Pix {@code
 *       TxId}): the whole txid.
 *   <li>A static BR Code's field 62-05 holds at most 25: it carries the first 25 ({@link
 *       #staticReference}). A notification's txid names the debt by either form.
 * </ul>
 *
 * A hash rather than the id's own letters: ids may be 64 characters with punctuation, and dropping
 * the punctuation or cutting the length makes two ids one txid ("A-1" and "A1"). MD5 is used as a
 * spreading function here, not for secrecy: the txid is printed in every QR code.
 */
public final class Txid {

  /** The longest txid a static BR Code carries (EMV field 62-05). */
  public static final int STATIC_LENGTH = 25;

  private Txid() {}

  /** The debt's txid, as its cobv is created with. */
  public static String forDebt(String debtId) {
    return md5("regua-pix:" + debtId);
  }

  /** The part of the debt's txid a static BR Code carries. */
  public static String staticReference(String debtId) {
    return forDebt(debtId).substring(0, STATIC_LENGTH);
  }

  /**
   * An agreement's txid: the same derivation under a name of its own ({@code "regua-pix-acordo:" +
   * agreementId}, generated column {@code agreement.pix_txid}, migration V44), so that a Pix names
   * either a debt or an agreement, never both.
   */
  public static String forAgreement(String agreementId) {
    return md5("regua-pix-acordo:" + agreementId);
  }

  private static String md5(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
