package fr.reflexespublics.dashboard;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV export of a dashboard table (RFC 4180, comma-separated). A cell that a spreadsheet would
 * take for a formula (starting with {@code = + - @}, tab or carriage return) is prefixed with a
 * quote, so an exported text can never run as a formula.
 */
public final class Csv {

  private Csv() {}

  public static String write(Table table) {
    StringBuilder out = new StringBuilder();
    out.append(line(table.columns()));
    for (List<Object> row : table.rows()) {
      out.append(line(row));
    }
    return out.toString();
  }

  private static String line(List<?> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = String.valueOf(value);
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
