package fr.reflexespublics.mobility;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy of professional micro-mobility ({@code reflexes.mobility.*}).
 *
 * @param annualVolunteerDays the most volunteer days an agent may offer per calendar year
 */
@ConfigurationProperties(prefix = "reflexes.mobility")
public record MobilitySettings(Integer annualVolunteerDays) {

  public MobilitySettings {
    annualVolunteerDays = annualVolunteerDays == null ? 20 : annualVolunteerDays;
  }
}
