package fr.reflexespublics.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/register/import: all or nothing, every bad line reported with its reason. */
class RegisterImportTest extends IntegrationTest {

  /** Fictional numbers 01 99 RUN xx xx of this run: a rerun on a kept database finds no duplicate. */
  private static final String RUN = String.format("%02d", 10 + System.nanoTime() % 90);
  private static final String HEADER = "firstName,lastName,phone,area,ageBand,complexity,consentDate,sourceRegister\n";

  private String register() {
    return "import-test-" + System.nanoTime();
  }

  private Rest.Answer upload(String user, String csv) {
    return rest(user).postRaw("/api/register/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private int count(String register) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM registered_person WHERE source_register = ?", Integer.class, register);
  }

  private static List<String> errors(Rest.Answer answer) {
    List<String> errors = new ArrayList<>();
    for (JsonNode e : answer.json().path("errors")) {
      errors.add(e.path("line").asInt() + ": " + e.path("reason").asText());
    }
    return errors;
  }

  @Test
  void aGoodFileIsImported() {
    String reg = register();
    String csv = HEADER
        + "Jeanne,Lemoine,01 99 00 10 01,Centre,85+,COMPLEX,2026-06-01," + reg + "\n"
        + "\"Marcel\",\"Caron, dit \"\"Milou\"\"\",+33 1 99 00 10 02,Riverside,75-84,SIMPLE,2026-06-02," + reg + "\r\n";

    Rest.Answer answer = upload("hugo", csv);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("imported").asInt()).isEqualTo(2);
    assertThat(count(reg)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT last_name FROM registered_person WHERE source_register = ? AND first_name = 'Marcel'",
        String.class, reg)).isEqualTo("Caron, dit \"Milou\"");
  }

  @Test
  void anyBadLineRejectsTheWholeFileWithLineNumbersAndReasons() {
    String reg = register();
    String csv = HEADER
        + "Jeanne,Lemoine,01 99 00 11 01,Centre,85+,COMPLEX,2026-06-01," + reg + "\n"          // 2: fine
        + "Simone,Fabre,,Centre,85+,SIMPLE,2026-06-01," + reg + "\n"                          // 3: no phone
        + "Robert,Giraud,01 99 00 11 03,Centre,85+,SIMPLE,01/06/2026," + reg + "\n"           // 4: bad date
        + "Jeanne,Lemoine,01.99.00.11.01,Centre,60-74,SIMPLE,2026-06-02," + reg + "\n"        // 5: duplicate of 2
        + "=cmd|' /C calc'!A0,Perrin,01 99 00 11 05,Centre,85+,SIMPLE,2026-06-01," + reg + "\n" // 6: formula
        + "Odette,Perrin,01 99 00 11 06,Centre,90-99,SIMPLE,2026-06-01," + reg + "\n"         // 7: age band
        + "René,Caron,01 99 00 11 07,Centre,85+,SIMPLE\n";                                     // 8: too few values

    Rest.Answer answer = upload("hugo", csv);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("type").asText()).isEqualTo("ImportRejected");
    assertThat(answer.message()).contains("nothing was imported");
    assertThat(errors(answer)).containsExactly(
        "3: phone is missing",
        "4: consentDate must be a date written yyyy-MM-dd",
        "5: duplicate of line 2 (same names and phone)",
        "6: firstName looks like a spreadsheet formula (starts with = + - @)",
        "7: ageBand must be one of [18-59, 60-74, 75-84, 85+]",
        "8: expected 8 values, found 6");
    assertThat(answer.body()).doesNotContain("Lemoine").doesNotContain("01 99 00");
    assertThat(count(reg)).isZero();
  }

  @Test
  void aPersonAlreadyInTheRegisterIsADuplicate() {
    String reg = register();
    String line = "Paulette,Giraud,01 99 00 12 01,Old town,75-84,SIMPLE,2026-06-01," + reg + "\n";
    assertThat(upload("hugo", HEADER + line).status()).isEqualTo(200);

    Rest.Answer again = upload("hugo", HEADER + line);

    assertThat(again.status()).isEqualTo(400);
    assertThat(errors(again)).containsExactly("2: this person is already in the register");
    assertThat(count(reg)).isEqualTo(1);
  }

  @Test
  void unknownOrMissingColumnsRejectTheFile() {
    Rest.Answer unknown = upload("hugo", "firstName,lastName,phone,area,ageBand,complexity,consentDate,sourceRegister,iban\n");
    Rest.Answer missing = upload("hugo", "firstName,lastName,area,ageBand,complexity,consentDate,sourceRegister\n");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(errors(unknown)).containsExactly("1: unknown column 'iban' (expected " + String.join(",", RegisterImport.COLUMNS) + ")");
    assertThat(errors(missing)).containsExactly("1: missing column 'phone'");
  }

  @Test
  void aFileOfTenMegabytesIsRefused() {
    StringBuilder big = new StringBuilder(HEADER);
    String line = "Jeanne,Lemoine,01 99 00 13 01,Centre,85+,COMPLEX,2026-06-01,big\n";
    while (big.length() < 10 * 1024 * 1024) {
      big.append(line);
    }

    Rest.Answer answer = upload("hugo", big.toString());

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.message()).contains("larger than 5 MB");
    assertThat(count("big")).isZero();
  }

  @Test
  void onlyHotlineCoordinatorsImport() {
    String reg = register();
    Rest.Answer answer = upload("bruno", HEADER + "Jeanne,Lemoine,01 99 00 14 01,Centre,85+,COMPLEX,2026-06-01," + reg + "\n");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(count(reg)).isZero();
    assertThat(rest(null, null).postRaw("/api/register/import", "text/csv", HEADER.getBytes()).status()).isEqualTo(401);
  }
}
