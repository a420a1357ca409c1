package fr.reflexespublics.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching, property-style over random pools: a shortlist never breaks a volunteer's constraint. */
class MatchingTest {

  private static final List<String> SKILLS = List.of("driving", "cooking", "childcare", "phone", "first-aid", "logistics");
  private static final List<String> SERVICES = List.of("roads", "early-childhood", "social-action", "communication");

  @Test
  void aShortlistNeverProposesAnAgentWhoseConstraintOrQuotaForbidsIt() {
    Random random = new Random(20261128L);
    int checkedShortlists = 0;
    int proposed = 0;
    for (int round = 0; round < 2000; round++) {
      LocalDate start = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(300));
      LocalDate end = start.plusDays(random.nextInt(14));
      Matching.Need need = new Matching.Need(randomSkills(random), start, end, random.nextBoolean(),
          SERVICES.get(random.nextInt(SERVICES.size())));
      List<Matching.Volunteer> pool = new ArrayList<>();
      int poolSize = random.nextInt(25);
      for (int i = 0; i < poolSize; i++) {
        int days = 1 + random.nextInt(25);
        pool.add(new Matching.Volunteer("agent" + i, randomSkills(random), random.nextBoolean(), days,
            random.nextInt(days + 1), SERVICES.get(random.nextInt(SERVICES.size())), random.nextInt(5) == 0));
      }

      List<Matching.Volunteer> shortlist = Matching.shortlist(pool, need);

      for (Matching.Volunteer v : shortlist) {
        assertThat(need.weekendWork() && v.noWeekends()).as("weekends for %s", v).isFalse();
        assertThat(v.remainingDays()).as("days of %s", v).isGreaterThanOrEqualTo(need.missionDays());
        assertThat(v.busy()).as("busy %s", v).isFalse();
        assertThat(v.homeService()).isNotEqualTo(need.receivingService());
        assertThat(need.skills().isEmpty() || Matching.matchedSkills(v, need) > 0).isTrue();
        proposed++;
      }
      for (Matching.Volunteer v : pool) {
        boolean eligible = Matching.violation(v, need).isEmpty()
            && (need.skills().isEmpty() || Matching.matchedSkills(v, need) > 0);
        assertThat(shortlist.contains(v)).as("eligible %s is shortlisted", v).isEqualTo(eligible);
      }
      for (int i = 1; i < shortlist.size(); i++) {
        assertThat(Matching.matchedSkills(shortlist.get(i - 1), need))
            .isGreaterThanOrEqualTo(Matching.matchedSkills(shortlist.get(i), need));
      }
      checkedShortlists++;
    }
    assertThat(checkedShortlists).isEqualTo(2000);
    assertThat(proposed).as("the random pools do produce proposals").isGreaterThan(500);
  }

  @Test
  void missionDaysCountWeekdaysUnlessTheMissionIncludesWeekends() {
    LocalDate monday = LocalDate.of(2027, 3, 1);
    assertThat(Matching.missionDays(monday, monday.plusDays(6), false)).isEqualTo(5);
    assertThat(Matching.missionDays(monday, monday.plusDays(6), true)).isEqualTo(7);
    assertThat(Matching.missionDays(monday, monday, false)).isEqualTo(1);
  }

  @Test
  void violationsSayWhy() {
    Matching.Need need = new Matching.Need(Set.of("cooking"), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7), true,
        "social-action");
    assertThat(Matching.violation(new Matching.Volunteer("bruno", Set.of("cooking"), true, 20, 0, "roads", false), need))
        .hasValueSatisfying(r -> assertThat(r).contains("not to work on weekends"));
    assertThat(Matching.violation(new Matching.Volunteer("chloe", Set.of("cooking"), false, 10, 5, "roads", false), need))
        .hasValueSatisfying(r -> assertThat(r).contains("has 5 volunteer day(s) left").contains("needs 7"));
  }

  private static Set<String> randomSkills(Random random) {
    Set<String> skills = new java.util.HashSet<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      skills.add(SKILLS.get(random.nextInt(SKILLS.size())));
    }
    return skills;
  }
}
