package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The columns kubectl shows for one kind, and one row of cells per object. */
public interface TableConvertor {
  List<Column> columns();

  /**
   * Cells in column order: Strings and integers (Long); custom kinds' columns also Doubles,
   * Booleans and nulls (an absent value).
   */
  List<Object> cells(JsonNode object, Instant now);
}
