package fr.reflexespublics.mobility;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Managers request reinforcements; HR (the dedicated unit) and directors follow them; agents take part. */
@Configuration
public class MobilityAccess {

  @Bean
  ProcessAccess mobilityProcessAccess() {
    return new ProcessAccess(MobilityProcess.KEY, Set.of(Groups.MANAGERS), Set.of(Groups.HR, Groups.DIRECTORS),
        Set.of(Groups.AGENTS));
  }
}
