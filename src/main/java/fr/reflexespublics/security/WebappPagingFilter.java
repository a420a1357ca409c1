package fr.reflexespublics.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses unbounded queries of authenticated users ({@code queryMaxResultsLimit}),
 * but Tasklist loads its filter list without paging. This filter adds a page
 * ({@code maxResults} = the limit) to those few webapp requests, so Tasklist keeps working while
 * the limit protects the REST API and every other query.
 */
public class WebappPagingFilter extends OncePerRequestFilter {

  /** Webapp requests known to be sent without paging. */
  static final Pattern UNPAGED = Pattern.compile("^/camunda/api/engine/engine/[^/]+/filter/?$");

  private final int limit;

  public WebappPagingFilter(int limit) {
    this.limit = limit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !UNPAGED.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()
        || request.getParameter("maxResults") != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    parameters.put("maxResults", new String[] {String.valueOf(limit)});
    parameters.putIfAbsent("firstResult", new String[] {"0"});
    String query = (request.getQueryString() == null ? "" : request.getQueryString() + "&")
        + "maxResults=" + limit + (request.getParameter("firstResult") == null ? "&firstResult=0" : "");
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters);
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
      }

      @Override
      public String[] getParameterValues(String name) {
        return parameters.get(name);
      }

      @Override
      public String getQueryString() {
        return query;
      }
    }, response);
  }
}
