package fr.reflexespublics.organisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Camunda group ids of the contract (DESIGN.md), with their display names. */
public final class Groups {

  public static final String AGENTS = "agents";
  public static final String MANAGERS = "managers";
  public static final String INNOVATION_UNIT = "innovation-unit";
  public static final String HR = "hr";
  public static final String ORIENTATORS = "orientators";
  public static final String HOTLINE_CALLERS = "hotline-callers";
  public static final String HOTLINE_COORDINATORS = "hotline-coordinators";
  public static final String PARTNERSHIPS = "partnerships";
  public static final String DIRECTORS = "directors";
  public static final String COMMUNICATIONS = "communications";
  public static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** Every group of the contract, in a stable order, with a display name. */
  public static final Map<String, String> ALL;

  static {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(AGENTS, "Agents (every staff member)");
    all.put(MANAGERS, "Managers");
    all.put(INNOVATION_UNIT, "Innovation unit");
    all.put(HR, "Human resources");
    all.put(ORIENTATORS, "Orientators");
    all.put(HOTLINE_CALLERS, "Reverse hotline callers");
    all.put(HOTLINE_COORDINATORS, "Reverse hotline coordinators");
    all.put(PARTNERSHIPS, "Partnerships");
    all.put(DIRECTORS, "Directors");
    all.put(COMMUNICATIONS, "Internal communication");
    all.put(CAMUNDA_ADMIN, "Platform administrators");
    ALL = Collections.unmodifiableMap(all);
  }

  private Groups() {}
}
