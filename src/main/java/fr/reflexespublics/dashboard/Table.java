package fr.reflexespublics.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One table of a section: column names and rows, the shape of the JSON and of the CSV export. */
public record Table(String title, List<String> columns, List<List<Object>> rows) {

  public static Table of(String title, String... columns) {
    return new Table(title, List.of(columns), new ArrayList<>());
  }

  public Table row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("Expected " + columns.size() + " values in " + title);
    }
    rows.add(Arrays.asList(values));
    return this;
  }
}
