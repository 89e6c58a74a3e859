package br.com.regua.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code regua.portal}: where the debtor's portal answers and how its links are signed.
 *
 * @param baseUrl the portal's address as debtors reach it; the link of every message is {@code
 *     baseUrl/<token>}
 * @param keys HMAC keys by id: the active one signs, every one listed verifies, so a key is rotated
 *     by adding the new one, making it active, and removing the old one when its links expired
 * @param activeKey the id of the key that signs new links
 * @param linkValidity how long a link stays valid after the day it was issued
 */
@ConfigurationProperties("regua.portal")
public record PortalLinkProperties(
    String baseUrl,
    @DefaultValue Map<String, String> keys,
    String activeKey,
    @DefaultValue("30d") Duration linkValidity) {

  public PortalLinkProperties {
    keys = Map.copyOf(keys);
  }
}
