package fr.reflexespublics.bench;

/**
 * Marks the driver's own lookups (the task to complete, the due jobs, the checks of a workload)
 * while they run on this thread, so that the censuses can tell them from the statements of the
 * steps: they stand in for a user finding a task in Tasklist and the job executor acquiring jobs,
 * which the harness does once per step rather than as those would.
 */
final class HarnessLookups {

  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  private HarnessLookups() {}

  static boolean active() {
    return ACTIVE.get();
  }

  /** Runs a lookup marked as the harness's; returns what it found. */
  static <T> T run(java.util.function.Supplier<T> lookup) {
    boolean outer = ACTIVE.get();
    ACTIVE.set(true);
    try {
      return lookup.get();
    } finally {
      ACTIVE.set(outer);
    }
  }
}
