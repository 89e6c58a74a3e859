package br.com.regua.brazil;

import java.time.ZoneId;

/**
 * The 27 federative units (states and the Federal District), with the time zone of their capital: a
 * debtor's day, and the hours they may be contacted, are counted in it.
 */
public enum Uf {
  AC("America/Rio_Branco"),
  AL("America/Sao_Paulo"),
  AP("America/Sao_Paulo"),
  AM("America/Manaus"),
  BA("America/Sao_Paulo"),
  CE("America/Sao_Paulo"),
  DF("America/Sao_Paulo"),
  ES("America/Sao_Paulo"),
  GO("America/Sao_Paulo"),
  MA("America/Sao_Paulo"),
  MT("America/Cuiaba"),
  MS("America/Campo_Grande"),
  MG("America/Sao_Paulo"),
  PA("America/Sao_Paulo"),
  PB("America/Sao_Paulo"),
  PR("America/Sao_Paulo"),
  PE("America/Sao_Paulo"),
  PI("America/Sao_Paulo"),
  RJ("America/Sao_Paulo"),
  RN("America/Sao_Paulo"),
  RS("America/Sao_Paulo"),
  RO("America/Porto_Velho"),
  RR("America/Boa_Vista"),
  SC("America/Sao_Paulo"),
  SP("America/Sao_Paulo"),
  SE("America/Sao_Paulo"),
  TO("America/Sao_Paulo");

  private final ZoneId zone;

  Uf(String zone) {
    this.zone = ZoneId.of(zone);
  }

  public ZoneId zone() {
    return zone;
  }
}
