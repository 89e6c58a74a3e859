package br.com.regua.devkit.providers;

/**
 * This start of the service, for the development providers' ids: they stay unique across restarts,
 * as the contact log (unique by channel and provider id) and the bureau's protocols expect of a
 * real provider.
 */
final class DevRun {

  static final String TOKEN = Long.toString(System.currentTimeMillis(), 36);

  private DevRun() {}
}
