package fr.reflexespublics.hotline;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.security.CurrentUser;
import fr.reflexespublics.security.NotFoundException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's progress and figures, by the process instance that runs it (coordinators). */
@RestController
public class CampaignController {

  private final CampaignService campaigns;
  private final CurrentUser currentUser;

  public CampaignController(CampaignService campaigns, CurrentUser currentUser) {
    this.campaigns = campaigns;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/campaigns/{processInstanceId}")
  public Map<String, Object> campaign(@PathVariable String processInstanceId) {
    currentUser.requireAny(Groups.HOTLINE_COORDINATORS);
    String id = campaigns.idOfProcess(processInstanceId)
        .orElseThrow(() -> new NotFoundException("No campaign runs in process instance "
            + (processInstanceId.length() > 64 ? processInstanceId.substring(0, 64) : processInstanceId)));
    return campaigns.figures(id);
  }
}
