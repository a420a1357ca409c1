package fr.reflexespublics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one benchmark run, written as Markdown and CSV under target/bench/. */
public class Results {

  /** One figure: its value, and its baseline measured in the same run (ratio = value / baseline). */
  public record Row(String section, String subject, String metric, String unit, Double value, String baselineName,
      Double baseline, String note) {
    Double ratio() {
      return value == null || baseline == null || baseline == 0 ? null : value / baseline;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> context = new LinkedHashMap<>();

  public void context(String key, String value) {
    context.put(key, value);
  }

  public void add(String section, String subject, String metric, String unit, Double value, String baselineName,
      Double baseline, String note) {
    Row row = new Row(section, subject, metric, unit, value, baselineName, baseline, note);
    rows.add(row);
    System.out.printf(Locale.ROOT, "[bench] %s | %s | %s = %s %s | baseline %s = %s | ratio %s %s%n", section, subject,
        metric, fmt(value), unit, baselineName, fmt(baseline), fmt(row.ratio()), note == null ? "" : note);
  }

  static String fmt(Double d) {
    if (d == null) {
      return "";
    }
    double a = Math.abs(d);
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", d);
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder csv = new StringBuilder("section,subject,metric,unit,value,baseline_name,baseline,ratio,note\n");
    for (Row r : rows) {
      csv.append(String.join(",", q(r.section()), q(r.subject()), q(r.metric()), q(r.unit()), fmt(r.value()),
          q(r.baselineName()), fmt(r.baseline()), fmt(r.ratio()), q(r.note()))).append('\n');
    }
    Files.writeString(dir.resolve("results.csv"), csv);

    StringBuilder md = new StringBuilder("# Benchmark results\n\n");
    context.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    String section = null;
    for (Row r : rows) {
      if (!r.section().equals(section)) {
        section = r.section();
        md.append("\n## ").append(section).append("\n\n")
            .append("| subject | metric | value | baseline | baseline value | ratio | note |\n")
            .append("|---|---|---|---|---|---|---|\n");
      }
      md.append("| ").append(r.subject()).append(" | ").append(r.metric()).append(" | ").append(fmt(r.value()))
          .append(' ').append(r.unit() == null ? "" : r.unit()).append(" | ").append(nz(r.baselineName()))
          .append(" | ").append(fmt(r.baseline())).append(" | ").append(fmt(r.ratio())).append(" | ")
          .append(nz(r.note())).append(" |\n");
    }
    Files.writeString(dir.resolve("results.md"), md);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String q(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
