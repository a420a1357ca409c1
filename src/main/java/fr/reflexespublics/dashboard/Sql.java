package fr.reflexespublics.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import fr.reflexespublics.platform.Clocks;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's access to the database: aggregate queries only (counts, sums, medians computed
 * by the database, never by loading records), portable between H2 and PostgreSQL.
 */
@Component
public class Sql {

  /** Days between two timestamp columns, as a decimal. */
  public static String daysBetween(String start, String end) {
    return "((EXTRACT(EPOCH FROM " + end + ") - EXTRACT(EPOCH FROM " + start + ")) / 86400.0)";
  }

  /** The median of an expression (an ordered-set aggregate both databases know). */
  public static String median(String expression) {
    return "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + expression + ")";
  }

  /** {@code AND column = :service} when the filter names a service, else nothing. */
  public static String andService(DashboardFilter filter, String column) {
    return filter.hasService() ? " AND " + column + " = :service" : "";
  }

  /** {@code AND} the column is a user working in the filter's service, else nothing. */
  public static String andAgentOfService(DashboardFilter filter, String userColumn) {
    return filter.hasService()
        ? " AND " + userColumn + " IN (SELECT sa.user_id FROM org_agent sa WHERE sa.service_id = :service)" : "";
  }

  /** 1 when the boolean column is true, for SUM. */
  public static String ifTrue(String column) {
    return "CASE WHEN " + column + " THEN 1 ELSE 0 END";
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final ZoneId zone;

  public Sql(NamedParameterJdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /** The filter's period and service as named parameters {@code from}, {@code to}, {@code service}. */
  public Map<String, Object> params(DashboardFilter filter) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", filter.fromTime(zone));
    params.put("to", filter.toTimeExclusive(zone));
    params.put("fromDate", Date.valueOf(filter.from()));
    params.put("toDate", Date.valueOf(filter.to()));
    params.put("service", filter.service());
    params.put("now", new Timestamp(Clocks.now().toEpochMilli()));
    params.put("today", Date.valueOf(Clocks.today(zone)));
    return params;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Rows of a query, each as a list of normalised values (whole numbers as long, decimals rounded). */
  public List<List<Object>> rows(String sql, Map<String, Object> params) {
    return jdbc.query(sql, params, (rs, i) -> {
      ResultSetMetaData meta = rs.getMetaData();
      Object[] values = new Object[meta.getColumnCount()];
      for (int c = 0; c < values.length; c++) {
        values[c] = normalise(rs.getObject(c + 1));
      }
      return new ArrayList<>(Arrays.asList(values));
    });
  }

  /** Each row of a query handed to the callback as it is (no normalisation). */
  public void forEachRow(String sql, Map<String, Object> params, RowCallbackHandler callback) {
    jdbc.query(sql, params, callback);
  }

  /** The single row of an aggregate query. */
  public List<Object> row(String sql, Map<String, Object> params) {
    return rows(sql, params).get(0);
  }

  /** A single number (0 when the aggregate is null). */
  public long count(String sql, Map<String, Object> params) {
    Object value = row(sql, params).get(0);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** {@code status → count} for a {@code SELECT status, COUNT(*) ... GROUP BY status} query, zero-filled. */
  public Map<String, Long> countsBy(String sql, Map<String, Object> params, List<String> keys) {
    Map<String, Long> counts = new LinkedHashMap<>();
    keys.forEach(k -> counts.put(k, 0L));
    for (List<Object> row : rows(sql, params)) {
      counts.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
    }
    return counts;
  }

  static Object normalise(Object value) {
    if (value instanceof BigDecimal d) {
      return d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValue()
          : d.setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toLocalDate().toString();
    }
    return value;
  }

  /** The names of an enum's values: the zero-filled keys of a {@link #countsBy} query. */
  public static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** A number that a SUM may have left null (no row). */
  public static long zero(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** {@code part / whole} as a percentage with one decimal, or null when there is no whole. */
  public static Double percent(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }
}
