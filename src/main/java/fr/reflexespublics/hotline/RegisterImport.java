package fr.reflexespublics.hotline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a CSV file into the register: all or nothing. Every bad row is reported with its line
 * number and reason (never its content: it is personal data); a file with any bad row imports
 * nothing.
 */
@Component
public class RegisterImport {

  public static final List<String> COLUMNS =
      List.of("firstName", "lastName", "phone", "area", "ageBand", "complexity", "consentDate", "sourceRegister");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 .-]{5,24}$");
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final int MAX_TEXT = 100;

  private final RegisterService register;
  private final java.time.ZoneId zone;

  public RegisterImport(RegisterService register, java.time.ZoneId zone) {
    this.register = register;
    this.zone = zone;
  }

  /** A problem on a line of the file (line 1 is the header). */
  public record LineError(int line, String reason) {}

  /** The outcome: how many persons were imported, or why nothing was. */
  public record Result(int imported, List<LineError> errors) {}

  @Transactional
  public Result importCsv(String content) {
    List<List<String>> rows;
    try {
      rows = Csv.parse(content);
    } catch (IllegalArgumentException e) {
      return new Result(0, List.of(new LineError(Csv.lineOf(e), e.getMessage())));
    }
    List<LineError> errors = new ArrayList<>();
    if (rows.isEmpty()) {
      return new Result(0, List.of(new LineError(1, "the file is empty: a header line is required")));
    }
    Map<String, Integer> index = header(rows.get(0), errors);
    if (!errors.isEmpty()) {
      return new Result(0, errors);
    }
    List<Object[]> valid = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      int line = r + 1;
      List<String> row = rows.get(r);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue; // blank line
      }
      if (row.size() != COLUMNS.size()) {
        errors.add(new LineError(line, "expected " + COLUMNS.size() + " values, found " + row.size()));
        continue;
      }
      String first = value(row, index, "firstName");
      String last = value(row, index, "lastName");
      String phone = value(row, index, "phone");
      String area = value(row, index, "area");
      String ageBand = value(row, index, "ageBand");
      String complexity = value(row, index, "complexity");
      String consent = value(row, index, "consentDate");
      String source = value(row, index, "sourceRegister");
      int before = errors.size();
      text(line, "firstName", first, errors);
      text(line, "lastName", last, errors);
      text(line, "area", area, errors);
      text(line, "sourceRegister", source, errors);
      if (phone.isEmpty()) {
        errors.add(new LineError(line, "phone is missing"));
      } else if (!PHONE.matcher(phone).matches()) {
        errors.add(new LineError(line, "phone is not a phone number (digits, spaces, dots, dashes, leading +)"));
      }
      if (!RegisterService.AGE_BANDS.contains(ageBand)) {
        errors.add(new LineError(line, "ageBand must be one of " + new java.util.TreeSet<>(RegisterService.AGE_BANDS)));
      }
      if (!RegisterService.COMPLEXITIES.contains(complexity)) {
        errors.add(new LineError(line, "complexity must be SIMPLE or COMPLEX"));
      }
      LocalDate consentDate = null;
      if (!DATE.matcher(consent).matches()) {
        errors.add(new LineError(line, "consentDate must be a date written yyyy-MM-dd"));
      } else {
        try {
          consentDate = LocalDate.parse(consent);
          if (consentDate.isAfter(fr.reflexespublics.platform.Clocks.today(zone))) {
            errors.add(new LineError(line, "consentDate is in the future"));
          }
        } catch (DateTimeParseException e) {
          errors.add(new LineError(line, "consentDate is not a valid date"));
        }
      }
      if (errors.size() > before) {
        continue;
      }
      String key = RegisterService.identityKey(first, last, phone);
      Integer twin = seen.putIfAbsent(key, line);
      if (twin != null) {
        errors.add(new LineError(line, "duplicate of line " + twin + " (same names and phone)"));
      } else if (register.existsIdentity(key)) {
        errors.add(new LineError(line, "this person is already in the register"));
      } else {
        valid.add(new Object[] {first, last, phone, area, ageBand, complexity, consentDate, source});
      }
    }
    if (!errors.isEmpty()) {
      return new Result(0, errors);
    }
    for (Object[] p : valid) {
      register.add((String) p[0], (String) p[1], (String) p[2], (String) p[3], (String) p[4], (String) p[5],
          (LocalDate) p[6], (String) p[7]);
    }
    return new Result(valid.size(), List.of());
  }

  private static Map<String, Integer> header(List<String> header, List<LineError> errors) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().replace("\uFEFF", "");
      if (!COLUMNS.contains(name)) {
        errors.add(new LineError(1, "unknown column '" + (name.length() > 40 ? name.substring(0, 40) : name)
            + "' (expected " + String.join(",", COLUMNS) + ")"));
      } else if (index.put(name, i) != null) {
        errors.add(new LineError(1, "column '" + name + "' appears twice"));
      }
    }
    for (String column : COLUMNS) {
      if (!index.containsKey(column) && errors.stream().noneMatch(e -> e.reason().contains("'" + column + "'"))) {
        errors.add(new LineError(1, "missing column '" + column + "'"));
      }
    }
    return index;
  }

  private static String value(List<String> row, Map<String, Integer> index, String column) {
    return row.get(index.get(column)).trim();
  }

  /** Text cells: present, not too long, and never a spreadsheet formula. */
  private static void text(int line, String column, String value, List<LineError> errors) {
    if (value.isEmpty()) {
      errors.add(new LineError(line, column + " is missing"));
    } else if (value.length() > MAX_TEXT) {
      errors.add(new LineError(line, column + " is longer than " + MAX_TEXT + " characters"));
    } else if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      errors.add(new LineError(line, column + " looks like a spreadsheet formula (starts with = + - @)"));
    }
  }

  /** A small RFC 4180 reader: commas, double quotes, quotes escaped by doubling, CRLF or LF. */
  static final class Csv {

    private Csv() {}

    static List<List<String>> parse(String content) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      int line = 1;
      for (int i = 0; i < content.length(); i++) {
        char c = content.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
              cell.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append(c);
          }
        } else if (c == '"' && cell.isEmpty()) {
          quoted = true;
        } else if (c == ',') {
          row.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          line++;
        } else {
          cell.append(c);
        }
      }
      if (quoted) {
        throw new IllegalArgumentException("line " + line + ": a quoted value is not closed");
      }
      if (!cell.isEmpty() || !row.isEmpty()) {
        row.add(cell.toString());
        rows.add(row);
      }
      return rows;
    }

    static int lineOf(IllegalArgumentException e) {
      String m = e.getMessage();
      return Integer.parseInt(m.substring(5, m.indexOf(':')));
    }
  }
}
