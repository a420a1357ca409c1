package fr.reflexespublics.hotline;

import static fr.reflexespublics.hotline.CampaignProcess.*;

import fr.reflexespublics.platform.Clocks;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The campaign's launch listener ({@code ${campaignRecorder.launched(execution)}}). */
@Component("campaignRecorder")
public class CampaignRecorder {

  /** Calls stop in the evening of the end date. */
  private static final int END_OF_DAY_HOUR = 20;

  private final CampaignService campaigns;
  private final RegisterService register;
  private final HotlineSettings settings;
  private final ZoneId zone;

  public CampaignRecorder(CampaignService campaigns, RegisterService register, HotlineSettings settings, ZoneId zone) {
    this.campaigns = campaigns;
    this.register = register;
    this.settings = settings;
    this.zone = zone;
  }

  /** Start: the campaign record with the size of its selection and the follow-up policy from now on. */
  public void launched(DelegateExecution execution) {
    RegisterService.Selection selection = selection(execution);
    LocalDate end = LocalDate.parse((String) execution.getVariable(CAMPAIGN_END));
    String id = campaigns.create(execution.getProcessInstanceId(), (String) execution.getVariable(CAMPAIGN_NAME),
        CampaignPolicy.of((Integer) execution.getVariable(CALL_INTERVAL_DAYS), settings), end, selection,
        (String) execution.getVariable(COORDINATOR), register.count(selection));
    execution.setVariable(CAMPAIGN_ID, id);
    execution.setVariable(CAMPAIGN_END_AT, Clocks.at(end, END_OF_DAY_HOUR, zone));
  }

  static RegisterService.Selection selection(DelegateExecution execution) {
    return new RegisterService.Selection((String) execution.getVariable(SOURCE_REGISTER),
        (String) execution.getVariable(COMPLEXITY), (String) execution.getVariable(AGE_BAND));
  }
}
