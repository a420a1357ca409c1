package fr.reflexespublics.security.forms;

import java.util.ArrayList;
import java.util.List;

/** Problems found in a submission, one message per field problem. */
public final class Violations {

  private final List<String> messages = new ArrayList<>();

  /** Records a problem with a field, named by its variable key (the REST contract). */
  public void add(String field, String message) {
    messages.add(field + ": " + message);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }
}
