package fr.reflexespublics.initiative;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every agent may declare an initiative; the innovation unit, HR and directors follow them. */
@Configuration
public class InitiativeAccess {

  @Bean
  ProcessAccess initiativeProcessAccess() {
    return new ProcessAccess(InitiativeProcess.KEY, Set.of(Groups.AGENTS),
        Set.of(Groups.INNOVATION_UNIT, Groups.HR, Groups.DIRECTORS));
  }
}
