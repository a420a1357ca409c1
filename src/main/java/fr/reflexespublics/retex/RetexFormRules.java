package fr.reflexespublics.retex;

import static fr.reflexespublics.retex.RetexProcess.*;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.retex.RetexProcess.ActionStatus;
import fr.reflexespublics.security.forms.FormRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the retex forms: real participants, answered dissents, reviewed actions. */
@Configuration
public class RetexFormRules {

  /** At least one participant, from an existing group and/or existing users. */
  @Bean
  FormRules retexLaunchRules(OrganisationService organisation) {
    return FormRules.of(FORM_LAUNCH, (submission, violations) -> {
      String group = submission.text(PARTICIPANT_GROUP);
      if (group != null && !organisation.groupExists(group.trim())) {
        violations.add(PARTICIPANT_GROUP, "'" + abbreviate(group) + "' is not a group");
        return;
      }
      String users = submission.text(PARTICIPANTS);
      if (users != null) {
        for (String user : users.split(",")) {
          if (!user.isBlank() && !organisation.userExists(user.trim())) {
            violations.add(PARTICIPANTS, "'" + abbreviate(user.trim()) + "' is not a user");
          }
        }
      }
      if (violations.isEmpty() && RetexRecorder.participants(organisation, group, users).isEmpty()) {
        violations.add(PARTICIPANTS, "a retex needs at least one participant (a group with members, or users)");
      }
    });
  }

  /** Lessons drawn, and every dissent answered: none is dropped silently. */
  @Bean
  FormRules retexWorkshopRules() {
    return FormRules.of(FORM_WORKSHOP, (submission, violations) -> {
      if (submission.entries(LESSONS).isEmpty()) {
        violations.add(LESSONS, "draw at least one lesson");
      }
      List<String> expected = new ArrayList<>();
      for (var node : RetexRecorder.elements(submission.existingValue(DISSENT_ANSWERS))) {
        expected.add(node.prop("dissent").stringValue());
      }
      List<Map<String, Object>> answers = submission.entries(DISSENT_ANSWERS);
      List<String> given = new ArrayList<>();
      for (int i = 0; i < answers.size(); i++) {
        given.add(String.valueOf(answers.get(i).get("dissent")));
        Object answer = answers.get(i).get("answer");
        if (answer == null || answer.toString().strip().length() < 10) {
          violations.add(DISSENT_ANSWERS + "[" + i + "].answer",
              "every dissent gets an answer: taken up as a lesson, or acknowledged (10 characters at least)");
        }
      }
      if (!given.equals(expected)) {
        violations.add(DISSENT_ANSWERS, "the dissents of the testimonies must all be answered, as they were expressed ("
            + expected.size() + " expected, " + given.size() + " given)");
      }
    });
  }

  @Bean
  FormRules retexCommitActionRules(OrganisationService organisation) {
    return FormRules.of(FORM_COMMIT_ACTION, (submission, violations) -> {
      if (!organisation.userExists(submission.text(ACTION_OWNER))) {
        violations.add(ACTION_OWNER, "'" + abbreviate(submission.text(ACTION_OWNER)) + "' is not a user");
      }
    });
  }

  /** Every action gets a status once; abandoning needs a reason. */
  @Bean
  FormRules retexReviewRules(RetexService retexes) {
    return FormRules.of(FORM_REVIEW_ACTIONS, (submission, violations) -> {
      Set<String> expected = new HashSet<>();
      retexes.actions((String) submission.existingValue(RETEX_ID)).forEach(a -> expected.add(a.id()));
      Set<String> seen = new HashSet<>();
      List<Map<String, Object>> lines = submission.entries(ACTION_STATUSES);
      for (int i = 0; i < lines.size(); i++) {
        Map<String, Object> line = lines.get(i);
        String at = ACTION_STATUSES + "[" + i + "]";
        Object id = line.get("actionId");
        if (!expected.contains(String.valueOf(id)) || !seen.add(String.valueOf(id))) {
          violations.add(at + ".actionId", "not an action of this retex, or given twice");
        }
        String status = String.valueOf(line.get("status"));
        if (!Set.of("DONE", "IN_PROGRESS", "ABANDONED").contains(status)) {
          violations.add(at + ".status", "must be DONE, IN_PROGRESS or ABANDONED");
        } else if (ActionStatus.ABANDONED.name().equals(status)
            && (line.get("reason") == null || line.get("reason").toString().strip().length() < 5)) {
          violations.add(at + ".reason", "an abandoned action needs a reason");
        }
      }
      if (!seen.containsAll(expected)) {
        violations.add(ACTION_STATUSES, "every action needs a status (" + expected.size() + " actions)");
      }
    });
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
