package fr.reflexespublics.relay;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The innovation unit launches relays; it, the directors and HR follow them; any agent may be the
 * carrier of a department, so every agent may read the definition (its name and diagram in
 * Tasklist), not its instances.
 */
@Configuration
public class RelayAccess {

  @Bean
  ProcessAccess relayProcessAccess() {
    return new ProcessAccess(RelayProcess.KEY, Set.of(Groups.INNOVATION_UNIT),
        Set.of(Groups.INNOVATION_UNIT, Groups.DIRECTORS, Groups.HR), Set.of(Groups.AGENTS));
  }
}
