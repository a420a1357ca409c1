package fr.reflexespublics.takeover;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partnerships unit reports failures; it, the directors and HR follow the plans. */
@Configuration
public class TakeoverAccess {

  @Bean
  ProcessAccess takeoverProcessAccess() {
    return new ProcessAccess(TakeoverProcess.KEY, Set.of(Groups.PARTNERSHIPS),
        Set.of(Groups.PARTNERSHIPS, Groups.DIRECTORS, Groups.HR));
  }
}
