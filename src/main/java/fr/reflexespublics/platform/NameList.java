package fr.reflexespublics.platform;

import java.util.ArrayList;
import java.util.Collection;

/**
 * A list of names (user ids, titles) kept as a process variable, the collection a multi-instance
 * activity iterates. A plain {@code ArrayList<String>} is stored with the type name
 * {@code java.util.ArrayList<java.lang.String>}, which Spin first tries to load as a class name
 * when it reads the value back: the class loader searches every jar for it before Spin parses the
 * name as a generic type, about 24 µs of a 25 µs read (docs/performance.md, "Round 10"). This
 * class's type name is its own: found at once.
 */
public class NameList extends ArrayList<String> {

  private static final long serialVersionUID = 1L;

  /** For Spin (Jackson) reading a stored list. */
  public NameList() {
    super();
  }

  public NameList(Collection<String> names) {
    super(names);
  }
}
