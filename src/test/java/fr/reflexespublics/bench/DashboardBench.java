package fr.reflexespublics.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Section 5: the HR dashboard's endpoints (GET, as a user of group hr) measured over HTTP, p50/p95,
 * against a plain {@code count(*)} on ACT_HI_PROCINST in the same run. The endpoints are given
 * (discovered from the application's mappings under /api/dashboard, or -Dbench.dashboard.paths);
 * with none, the section reports "not available".
 */
public class DashboardBench {

  private final List<String> paths;
  private final String baseUrl;
  private final String user;
  private final String password;
  private final JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newHttpClient();

  public DashboardBench(List<String> paths, String baseUrl, String user, String password, JdbcTemplate jdbc) {
    this.paths = paths;
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.jdbc = jdbc;
  }

  public void run(Results results, int samples, long historicInstances) throws Exception {
    String section = "5 Dashboard";
    List<Double> countTimes = new ArrayList<>();
    for (int i = 0; i < samples + 10; i++) {
      long t = System.nanoTime();
      jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
      if (i >= 10) {
        countTimes.add((System.nanoTime() - t) / 1e6);
      }
    }
    double countP50 = Stats.percentile(countTimes, 50);
    double countP95 = Stats.percentile(countTimes, 95);
    results.add(section, "count(*) ACT_HI_PROCINST (JDBC)", "p50", "ms", countP50, null, null,
        historicInstances + " historic instances");
    results.add(section, "count(*) ACT_HI_PROCINST (JDBC)", "p95", "ms", countP95, null, null, null);
    if (paths.isEmpty()) {
      results.add(section, "/api/dashboard/...", "p95", "ms", null, "count(*)", countP95,
          "not available: no dashboard endpoint in this build");
      return;
    }
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    for (String path : paths) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", auth)
          .header("Accept", "application/json").GET().build();
      List<Double> times = new ArrayList<>();
      int status = 0;
      for (int i = 0; i < samples + 5; i++) {
        long t = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        status = response.statusCode();
        if (i >= 5) {
          times.add((System.nanoTime() - t) / 1e6);
        }
      }
      String note = status == 200 ? null : "HTTP " + status;
      results.add(section, "GET " + path, "p50", "ms", Stats.percentile(times, 50), "count(*) p50", countP50, note);
      results.add(section, "GET " + path, "p95", "ms", Stats.percentile(times, 95), "count(*) p95", countP95,
          "target ≤ 500 ms" + (note == null ? "" : "; " + note));
    }
  }
}
