package fr.reflexespublics.retex;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The innovation unit and HR launch retex rituals and follow them with the directors; every agent
 * may take part (testimonies, announcements by internal communication).
 */
@Configuration
public class RetexAccess {

  @Bean
  ProcessAccess retexProcessAccess() {
    return new ProcessAccess(RetexProcess.KEY, Set.of(Groups.INNOVATION_UNIT, Groups.HR),
        Set.of(Groups.INNOVATION_UNIT, Groups.HR, Groups.DIRECTORS), Set.of(Groups.AGENTS));
  }
}
