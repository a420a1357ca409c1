package fr.reflexespublics.hotline;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/register/import}: a CSV file (multipart field {@code file}, or a
 * {@code text/csv} body) imported into the register, all or nothing. Hotline coordinators only.
 */
@RestController
public class RegisterController {

  /** Largest file accepted (the multipart limit of application.yaml is the same). */
  public static final DataSize MAX_SIZE = DataSize.ofMegabytes(5);

  private final RegisterImport importer;
  private final CurrentUser currentUser;

  public RegisterController(RegisterImport importer, CurrentUser currentUser) {
    this.importer = importer;
    this.currentUser = currentUser;
  }

  @PostMapping(path = "/api/register/import", consumes = "multipart/form-data")
  public ResponseEntity<Map<String, Object>> importFile(@RequestPart("file") MultipartFile file) throws IOException {
    currentUser.requireAny(Groups.HOTLINE_COORDINATORS);
    try (InputStream in = file.getInputStream()) {
      return answer(read(in));
    }
  }

  @PostMapping(path = "/api/register/import", consumes = "text/csv")
  public ResponseEntity<Map<String, Object>> importBody(HttpServletRequest request) throws IOException {
    currentUser.requireAny(Groups.HOTLINE_COORDINATORS);
    try (InputStream in = request.getInputStream()) {
      return answer(read(in));
    }
  }

  private ResponseEntity<Map<String, Object>> answer(String content) {
    if (content == null) {
      return error(HttpStatus.PAYLOAD_TOO_LARGE, "PayloadTooLarge",
          "The file is larger than " + MAX_SIZE.toMegabytes() + " MB: split it", null);
    }
    RegisterImport.Result result = importer.importCsv(content);
    if (!result.errors().isEmpty()) {
      return error(HttpStatus.BAD_REQUEST, "ImportRejected", result.errors().size()
          + " line(s) are not valid: nothing was imported", result.errors());
    }
    return ResponseEntity.ok(Map.of("imported", result.imported()));
  }

  /** The content as UTF-8 text, or null when larger than {@link #MAX_SIZE}. */
  private static String read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_SIZE.toBytes() + 1);
    if (bytes.length > MAX_SIZE.toBytes()) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new fr.reflexespublics.security.BadRequestException("The file is not UTF-8 text");
    }
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message,
      Object errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (errors != null) {
      body.put("errors", errors);
    }
    return ResponseEntity.status(status).body(body);
  }
}
