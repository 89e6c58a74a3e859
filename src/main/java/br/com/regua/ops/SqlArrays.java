package br.com.regua.ops;

import java.util.Collection;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * One statement over many rows: a column of values passed as a single PostgreSQL {@code text[]}
 * parameter, to be read with {@code unnest(cast(:param as text[]))} and cast there to the column's
 * type. A plain collection would be expanded by the named-parameter support into one placeholder
 * per value.
 */
public final class SqlArrays {

  private SqlArrays() {}

  /** The values as one {@code text[]} parameter; null elements stay null. */
  public static SqlTypeValue text(Collection<?> values) {
    String[] texts =
        values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    return new AbstractSqlTypeValue() {
      @Override
      protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
          throws java.sql.SQLException {
        return connection.createArrayOf("text", texts);
      }
    };
  }
}
