package br.com.regua.contact.delivery;

/**
 * What a provider says became of a message we handed it. Receipts arrive out of order and more than
 * once (a "delivered" after the "read", the same "read" twice), so a status only replaces one of
 * lower rank: a contact never goes back from READ to DELIVERED, and FAILED and READ are both final.
 */
public enum DeliveryStatus {
  /** The provider passed it on to the network (WhatsApp's "sent"). */
  SENT(1),
  DELIVERED(2),
  /** Read (WhatsApp) or opened (email); SMS has no read receipts. */
  READ(3),
  /** Not delivered: invalid number, bounced email, blocked by the network… */
  FAILED(3);

  private final int rank;

  DeliveryStatus(int rank) {
    this.rank = rank;
  }

  /** Whether a receipt with this status changes a contact whose status is {@code current}. */
  boolean supersedes(DeliveryStatus current) {
    return current == null || rank > current.rank;
  }
}
