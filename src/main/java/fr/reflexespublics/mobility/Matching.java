package fr.reflexespublics.mobility;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who in the volunteer pool may reinforce a service: the constraints are never violated (no
 * weekends for those who said so, enough volunteer days left, not already on a mission at these
 * dates, not already in the receiving service), and the best-matching skills come first.
 */
public final class Matching {

  private Matching() {}

  /** A volunteer as the matching sees them. */
  public record Volunteer(String userId, Set<String> skills, boolean noWeekends, int volunteerDays, int usedDays,
      String homeService, boolean busy) {

    public int remainingDays() {
      return volunteerDays - usedDays;
    }
  }

  /** What the receiving service needs. */
  public record Need(Set<String> skills, LocalDate start, LocalDate end, boolean weekendWork, String receivingService) {

    public int missionDays() {
      return Matching.missionDays(start, end, weekendWork);
    }
  }

  /** Days worked on a mission: every day with weekend work, weekdays only otherwise. */
  public static int missionDays(LocalDate start, LocalDate end, boolean weekendWork) {
    int days = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (weekendWork || (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)) {
        days++;
      }
    }
    return days;
  }

  /** The constraint a volunteer would violate on this mission, if any. */
  public static Optional<String> violation(Volunteer v, Need need) {
    if (need.weekendWork() && v.noWeekends()) {
      return Optional.of(v.userId() + " asked not to work on weekends, and this mission includes weekends");
    }
    if (v.remainingDays() < need.missionDays()) {
      return Optional.of(v.userId() + " has " + Math.max(v.remainingDays(), 0) + " volunteer day(s) left this year; "
          + "the mission needs " + need.missionDays());
    }
    if (v.busy()) {
      return Optional.of(v.userId() + " is already on a mission at these dates");
    }
    if (need.receivingService().equals(v.homeService())) {
      return Optional.of(v.userId() + " already works in the receiving service");
    }
    return Optional.empty();
  }

  public static int matchedSkills(Volunteer v, Need need) {
    return (int) need.skills().stream().filter(v.skills()::contains).count();
  }

  /**
   * The shortlist: volunteers who violate no constraint and have at least one of the skills asked
   * (any volunteer when no skill is asked), best match first, then most days left.
   */
  public static List<Volunteer> shortlist(List<Volunteer> pool, Need need) {
    return pool.stream()
        .filter(v -> violation(v, need).isEmpty())
        .filter(v -> need.skills().isEmpty() || matchedSkills(v, need) > 0)
        .sorted(Comparator.comparingInt((Volunteer v) -> -matchedSkills(v, need))
            .thenComparingInt(v -> -v.remainingDays())
            .thenComparing(Volunteer::userId))
        .toList();
  }
}
