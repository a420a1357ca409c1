package fr.reflexespublics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Whose code a round's time is spent in, from Java Flight Recorder's samples of the thread that
 * drives it (asked for every millisecond, in Java code or in a native call such as a socket read;
 * the recorder takes one every few): the phases are marked by an event of the harness, and each
 * sample of a phase is given to the code nearest the top of its stack that belongs to the product
 * or to the engine.
 *
 * <ul>
 *   <li><b>the product's own code</b>: a frame of the application (a class of
 *       {@code fr.reflexespublics} from the main code, not the tests') comes first, with what it
 *       calls outside the engine (templates, its JDBC statements, mail building);
 *   <li><b>the engine's work asked for by the product</b>: the engine's code comes first and,
 *       below it, the application's code that called it (a delegate setting a variable, a
 *       recipients' query, a form's check reading the task);
 *   <li><b>the engine's own</b>: the engine's code, called by the harness's driver or by itself
 *       (its commands, the flush and commit that close them, the BPMN behaviour, a decision's
 *       evaluation); an application command interceptor's {@code execute}, which only passes the
 *       command on, does not make what runs inside it the product's;
 *   <li><b>the harness</b>: its driver's own loop ({@link Driver}, {@link BenchMain} and its
 *       workloads, the tests' support code they use, such as its job runner); the censuses it
 *       wraps around the engine's calls are passed over, as a library is.
 * </ul>
 * Left out, as the measured rounds deduct them: the harness's lookups ({@link HarnessLookups}) and
 * the mails' hand-over to the SMTP server ({@link MailClock}). A stack deeper than the recorder
 * keeps ({@code -XX:FlightRecorderOptions=stackdepth=...}; the bench profile sets 512) cannot be
 * placed and is counted apart.
 */
final class SampleProfile {

  /** Whose code a sample is in. */
  enum Owner {
    PRODUCT("the product's own code"),
    ASKED_BY_PRODUCT("the engine's work the product's code asked for"),
    ENGINE("the engine's own"),
    HARNESS("the harness's loop");

    final String label;

    Owner(String label) {
      this.label = label;
    }
  }

  /** The recording's event types: the harness's phases, and the samples of Java and native code. */
  private static final String PHASE = "fr.reflexespublics.bench.Phase";
  private static final String JAVA_SAMPLE = "jdk.ExecutionSample";
  private static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";

  /** A phase of the profiled round, as the recording sees it. */
  @Name(PHASE)
  @Label("Bench phase")
  static final class Phase extends Event {
    @Label("Subject")
    String subject;
  }

  /** What the harness runs in a phase. */
  interface Work {
    void run() throws Exception;
  }

  /** The samples of one subject's phases, by owner. */
  static final class Split {
    final Map<Owner, Long> byOwner = new EnumMap<>(Owner.class);
    /** The application's classes whose code, or whose request to the engine, a sample was in. */
    final Map<String, Long> byProductClass = new HashMap<>();
    long leftOut;
    long unplaced;
    /** Counted samples taken in a native call (a socket read, a file write). */
    long inNativeCode;

    long counted() {
      return byOwner.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The owner's share of the counted samples, 0 to 1. */
    double share(Owner owner) {
      long counted = counted();
      return counted == 0 ? Double.NaN : (double) byOwner.getOrDefault(owner, 0L) / counted;
    }

    String describe() {
      StringBuilder s = new StringBuilder();
      for (Owner owner : Owner.values()) {
        s.append(owner.label).append(' ').append(Results.fmt(100 * share(owner))).append(" %, ");
      }
      long counted = counted();
      s.append(counted).append(" samples, ").append(inNativeCode).append(" of them in native code (left out: ")
          .append(leftOut).append(" in the lookups and the hand-over, ")
          .append(unplaced).append(" placed nowhere: a stack cut short, or in none of their code)");
      if (!byProductClass.isEmpty()) {
        s.append("; the product's classes (own code and the engine work they asked for): ");
        s.append(byProductClass.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
            .map(e -> e.getKey() + " " + Results.fmt(100.0 * e.getValue() / counted) + " %")
            .collect(Collectors.joining(", ")));
      }
      return s.toString();
    }
  }

  private static final String PRODUCT = "fr.reflexespublics.";
  private static final String HARNESS = "fr.reflexespublics.bench.";
  private static final String ENGINE = "org.camunda.";
  private static final String DRIVER = Driver.class.getName();
  private static final String MAIN = BenchMain.class.getName();
  private static final String LOOKUPS = HarnessLookups.class.getName();
  private static final String HAND_OVER = MailClock.class.getName();

  private final Map<String, Boolean> interceptors = new HashMap<>();
  private final Map<String, Boolean> testCode = new HashMap<>();

  /**
   * Runs the phases in order with the recorder on, and gives each subject's samples by owner (a
   * subject run in several phases adds them up).
   */
  Map<String, Split> profile(List<Map.Entry<String, Work>> phases) throws Exception {
    Path file = Files.createTempFile("bench-profile", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable(JAVA_SAMPLE).withPeriod(Duration.ofMillis(1)).withStackTrace();
      recording.enable(NATIVE_SAMPLE).withPeriod(Duration.ofMillis(1)).withStackTrace();
      recording.enable(Phase.class);
      recording.start();
      for (Map.Entry<String, Work> phase : phases) {
        Phase event = new Phase();
        event.subject = phase.getKey();
        event.begin();
        phase.getValue().run();
        event.commit();
      }
      recording.stop();
      recording.dump(file);
      return split(RecordingFile.readAllEvents(file));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private record Window(String subject, long threadId, Instant start, Instant end) {}

  private Map<String, Split> split(List<RecordedEvent> events) {
    List<Window> windows = new ArrayList<>();
    for (RecordedEvent e : events) {
      if (e.getEventType().getName().equals(PHASE)) {
        windows.add(new Window(e.getString("subject"), e.getThread().getJavaThreadId(), e.getStartTime(),
            e.getEndTime()));
      }
    }
    Map<String, Split> splits = new LinkedHashMap<>();
    windows.forEach(w -> splits.computeIfAbsent(w.subject(), k -> new Split()));
    for (RecordedEvent e : events) {
      String type = e.getEventType().getName();
      if (!type.equals(JAVA_SAMPLE) && !type.equals(NATIVE_SAMPLE)) {
        continue;
      }
      long thread = e.getThread("sampledThread").getJavaThreadId();
      Instant at = e.getStartTime();
      for (Window w : windows) {
        if (w.threadId() == thread && !at.isBefore(w.start()) && !at.isAfter(w.end())) {
          Split split = splits.get(w.subject());
          if (place(e.getStackTrace(), split) && type.equals(NATIVE_SAMPLE)) {
            split.inNativeCode++;
          }
          break;
        }
      }
    }
    return splits;
  }

  /** A frame of a sampled stack: its class's name and its method's. */
  record Frame(String type, String method) {}

  /**
   * Where a sample goes: to an owner (with the application's class, when the product's code is
   * in it), or left out (the harness's lookups, the hand-over), or nowhere (a stack cut short, or
   * with no frame of the product's, the engine's or the harness's).
   */
  record Placed(Owner owner, String productClass, boolean leftOut) {
    static final Placed LEFT_OUT = new Placed(null, null, true);
    static final Placed NOWHERE = new Placed(null, null, false);
  }

  /** Places a sample in the split; true when it is counted. */
  private boolean place(RecordedStackTrace stack, Split split) {
    Placed placed = stack == null || stack.isTruncated() ? Placed.NOWHERE : place(stack.getFrames().stream()
        .map(f -> new Frame(f.getMethod().getType().getName(), f.getMethod().getName())).toList());
    if (placed.leftOut()) {
      split.leftOut++;
      return false;
    }
    if (placed.owner() == null) {
      split.unplaced++;
      return false;
    }
    split.byOwner.merge(placed.owner(), 1L, Long::sum);
    if (placed.productClass() != null) {
      split.byProductClass.merge(placed.productClass(), 1L, Long::sum);
    }
    return true;
  }

  /** Places a sample by its stack, the top (the running method) first. */
  Placed place(List<Frame> frames) {
    for (Frame frame : frames) {
      if (frame.type().equals(LOOKUPS) || frame.type().startsWith(HAND_OVER)) {
        return Placed.LEFT_OUT;
      }
    }
    Owner owner = null;
    for (Frame frame : frames) {
      String type = frame.type();
      if (type.startsWith(PRODUCT) && harness(type)) {
        if (type.startsWith(HARNESS) && !driving(type)) {
          continue; // the censuses and clocks the harness wraps around the engine's calls
        }
        return new Placed(owner == null ? Owner.HARNESS : Owner.ENGINE, null, false);
      }
      if (type.startsWith(PRODUCT)) {
        if (owner == Owner.ENGINE && passesOn(type, frame.method())) {
          continue;
        }
        return new Placed(owner == null ? Owner.PRODUCT : Owner.ASKED_BY_PRODUCT, simpleName(type), false);
      }
      if (owner == null && type.startsWith(ENGINE)) {
        owner = Owner.ENGINE;
      }
    }
    return owner == null ? Placed.NOWHERE : new Placed(owner, null, false);
  }

  /** The harness's code that drives a round, as against the censuses it wraps around the engine. */
  private static boolean driving(String type) {
    return type.startsWith(DRIVER) || type.startsWith(MAIN);
  }

  /** An application command interceptor's {@code execute}: it hands the command on. */
  private boolean passesOn(String type, String method) {
    return method.equals("execute") && interceptors.computeIfAbsent(type, t -> {
      Class<?> c = load(t);
      return c != null && CommandInterceptor.class.isAssignableFrom(c);
    });
  }

  /** A class of the tests' code (the harness, the tests' support such as their job runner). */
  private boolean harness(String type) {
    return testCode.computeIfAbsent(outer(type), t -> {
      Class<?> c = load(t);
      java.security.CodeSource source = c == null ? null : c.getProtectionDomain().getCodeSource();
      return source != null && source.getLocation().getPath().contains("/test-classes/");
    });
  }

  private static Class<?> load(String type) {
    try {
      return Class.forName(type, false, SampleProfile.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** The class a nested class, a lambda or a proxy belongs to. */
  private static String outer(String type) {
    int cut = type.indexOf('$');
    return cut > 0 ? type.substring(0, cut) : type;
  }

  /** The class's name in the application, without its package nor a proxy's or lambda's suffix. */
  static String simpleName(String type) {
    String name = outer(type);
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
