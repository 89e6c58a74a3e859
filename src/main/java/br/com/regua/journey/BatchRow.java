package br.com.regua.journey;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One element of a batch's {@code debts}, kept as the parser's tokens rather than as a tree: the
 * row is bound to its registration straight from them, with no tree built and walked for each of a
 * thousand rows, and numbers stay as written ({@code 1234.50} is {@code "1234.50"}, as {@code POST
 * /api/debts} reads it, where a tree would have made it a {@code double}). A row that cannot be
 * bound is read again, for its debtId only.
 */
@JsonDeserialize(using = BatchRow.Reader.class)
final class BatchRow {

  private final TokenBuffer tokens;

  private BatchRow(TokenBuffer tokens) {
    this.tokens = tokens;
  }

  /** The row's tokens, for one reading. */
  JsonParser parser() {
    return tokens.asParser();
  }

  /** The row's debtId when it is an object with a textual one (the last, if repeated), or null. */
  String debtId() {
    try (JsonParser row = parser()) {
      if (row.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String debtId = null;
      while (row.nextToken() == JsonToken.FIELD_NAME) {
        boolean isDebtId = "debtId".equals(row.currentName());
        JsonToken value = row.nextToken();
        if (isDebtId) {
          debtId = value == JsonToken.VALUE_STRING ? row.getText() : null;
        }
        row.skipChildren();
      }
      return debtId;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the tokens are in memory: not expected
    }
  }

  static final class Reader extends JsonDeserializer<BatchRow> {
    @Override
    public BatchRow deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return new BatchRow(context.bufferAsCopyOfValue(parser));
    }
  }
}
