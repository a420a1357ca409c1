package fr.reflexespublics.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a section of the dashboard shows: headline figures, tables (each exportable as CSV) and
 * notes saying what the filter applies to.
 */
public record Section(String id, String title, Map<String, Object> figures, Map<String, Table> tables,
    List<String> notes) {

  public static Section of(String id, String title, String... notes) {
    return new Section(id, title, new LinkedHashMap<>(), new LinkedHashMap<>(), List.of(notes));
  }

  public Section figure(String name, Object value) {
    figures.put(name, value);
    return this;
  }

  public Section table(String name, Table table) {
    tables.put(name, table);
    return this;
  }
}
