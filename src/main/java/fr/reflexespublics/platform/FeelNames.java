package fr.reflexespublics.platform;

import java.util.Set;

/** What FEEL takes for a name: the words it reserves cannot be a variable's or a field's. */
public final class FeelNames {

  /** FEEL's keywords and literals, never a name in the expressions answered without the FEEL engine. */
  public static final Set<String> RESERVED = Set.of("and", "or", "true", "false", "null", "not", "in", "between",
      "instance", "of", "if", "then", "else", "for", "return", "some", "every", "satisfies", "function", "external");

  private FeelNames() {}
}
