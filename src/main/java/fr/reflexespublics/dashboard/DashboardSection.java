package fr.reflexespublics.dashboard;

/** A section of the HR dashboard, computed in the database for a filter. */
public interface DashboardSection {

  /** Path segment under {@code /api/dashboard/}. */
  String id();

  Section compute(DashboardFilter filter);
}
