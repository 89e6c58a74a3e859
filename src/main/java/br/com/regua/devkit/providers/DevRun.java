package br.com.regua.devkit.providers;

/**
 * This start of the service, in the development providers' ids: they stay unique across restarts,
 * as the contact log (unique by channel and provider id) and the bureau's protocols expect of a
 * real provider. Their numbers come from a PostgreSQL sequence that carries on across restarts
 * ({@link DevProviderRecords}); the token also tells which start gave an id, and keeps the ids of a
 * database created anew apart from those an older one handed out.
 */
final class DevRun {

  static final String TOKEN = Long.toString(System.currentTimeMillis(), 36);

  private DevRun() {}
}
