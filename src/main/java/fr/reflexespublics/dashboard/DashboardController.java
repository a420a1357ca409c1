package fr.reflexespublics.dashboard;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.security.BadRequestException;
import fr.reflexespublics.security.CurrentUser;
import fr.reflexespublics.security.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HR dashboard's figures, for {@code hr} and {@code directors}: {@code GET /api/dashboard}
 * (the sections and the services to filter on), {@code GET /api/dashboard/{section}} (JSON) and
 * {@code GET /api/dashboard/{section}/{table}.csv}. Filter: {@code from}, {@code to}
 * ({@code yyyy-MM-dd}, default the last 365 days), {@code service}.
 */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {

  /** The longest period one request may cover. */
  public static final int MAX_PERIOD_YEARS = 10;
  private static final int DEFAULT_PERIOD_DAYS = 365;

  private final Map<String, DashboardSection> sections;
  private final CurrentUser currentUser;
  private final OrganisationService organisation;
  private final ZoneId zone;

  public DashboardController(List<DashboardSection> sections, CurrentUser currentUser,
      OrganisationService organisation, ZoneId zone) {
    this.sections = sections.stream().collect(Collectors.toMap(DashboardSection::id, Function.identity(),
        (a, b) -> a, LinkedHashMap::new));
    this.currentUser = currentUser;
    this.organisation = organisation;
    this.zone = zone;
  }

  @GetMapping
  public Map<String, Object> index() {
    requireDashboardUser();
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("sections", List.copyOf(sections.keySet()));
    index.put("services", organisation.services().stream()
        .map(s -> Map.of("id", s.id(), "name", s.name())).toList());
    LocalDate today = Clocks.today(zone);
    index.put("defaultFrom", today.minusDays(DEFAULT_PERIOD_DAYS).toString());
    index.put("defaultTo", today.toString());
    return index;
  }

  @GetMapping("/{section}")
  public Section section(@PathVariable String section, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String service) {
    requireDashboardUser();
    return find(section).compute(filter(from, to, service));
  }

  @GetMapping("/{section}/{table}.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String section, @PathVariable String table,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String service) {
    requireDashboardUser();
    DashboardFilter filter = filter(from, to, service);
    Table found = find(section).compute(filter).tables().get(table);
    if (found == null) {
      throw new NotFoundException("No table '" + shorten(table) + "' in the section " + section);
    }
    String name = section + "-" + table + "-" + filter.from() + "-" + filter.to()
        + (filter.hasService() ? "-" + filter.service() : "") + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(Csv.write(found).getBytes(StandardCharsets.UTF_8));
  }

  private void requireDashboardUser() {
    currentUser.requireAny(Groups.HR, Groups.DIRECTORS);
  }

  private DashboardSection find(String id) {
    DashboardSection section = sections.get(id);
    if (section == null) {
      throw new NotFoundException("No dashboard section '" + shorten(id) + "'; sections: "
          + String.join(", ", sections.keySet()));
    }
    return section;
  }

  /** Parses and checks the filter: every problem at once, as a 400. */
  DashboardFilter filter(String from, String to, String service) {
    LocalDate today = Clocks.today(zone);
    StringBuilder problems = new StringBuilder();
    LocalDate end = date("to", to, today, problems);
    LocalDate start = date("from", from, (end == null ? today : end).minusDays(DEFAULT_PERIOD_DAYS), problems);
    if (start != null && end != null && start.isAfter(end)) {
      problems.append("from: must not be after to; ");
    }
    if (start != null && end != null && start.plusYears(MAX_PERIOD_YEARS).isBefore(end)) {
      problems.append("from: the period covers at most ").append(MAX_PERIOD_YEARS).append(" years; ");
    }
    String serviceId = service == null || service.isBlank() ? null : service.trim();
    if (serviceId != null && !organisation.serviceExists(serviceId)) {
      problems.append("service: '").append(shorten(serviceId)).append("' is not a service of the organisation; ");
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems.substring(0, problems.length() - 2));
    }
    return new DashboardFilter(start, end, serviceId);
  }

  private static LocalDate date(String name, String value, LocalDate fallback, StringBuilder problems) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.append(name).append(": '").append(shorten(value)).append("' is not a date (yyyy-MM-dd); ");
      return null;
    }
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
