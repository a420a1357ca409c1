package fr.reflexespublics.hotline;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only the hotline's people see it: coordinators launch campaigns and follow every follow-up;
 * callers and orientators see the tasks offered to them (and the definitions, for Tasklist's
 * diagram); agents in general see nothing.
 */
@Configuration
public class HotlineAccess {

  @Bean
  ProcessAccess hotlineCampaignAccess() {
    return new ProcessAccess(CampaignProcess.KEY, Set.of(Groups.HOTLINE_COORDINATORS),
        Set.of(Groups.HOTLINE_COORDINATORS));
  }

  @Bean
  ProcessAccess hotlineFollowUpAccess() {
    return new ProcessAccess(FollowUpProcess.KEY, Set.of(), Set.of(Groups.HOTLINE_COORDINATORS),
        Set.of(Groups.HOTLINE_CALLERS, Groups.ORIENTATORS));
  }
}
