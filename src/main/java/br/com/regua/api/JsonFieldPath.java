package br.com.regua.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** Where in a JSON body Jackson failed, as errors name fields: {@code debtor.document}. */
public final class JsonFieldPath {

  private JsonFieldPath() {}

  /** The dotted path of the failing field ({@code ""} when the body itself is wrong). */
  public static String of(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "" + ref.getIndex())
        .collect(Collectors.joining("."));
  }
}
