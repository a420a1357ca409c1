package fr.reflexespublics.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What a run keeps alive on the heap, rather than what it allocates: the heap in use right after
 * each garbage collection, highest value while watching (what survived collections: the live set
 * plus garbage promoted but not collected yet, so an upper bound), and the heap after an explicit
 * full collection at a point of the run ({@link #liveMb()}). Memory that grows with the number of
 * persons shows in both; young-generation churn (allocation rate) in neither.
 */
final class HeapWatch implements AutoCloseable {

  private final AtomicLong maxAfterGc = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final List<Runnable> removals = new ArrayList<>();

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        NotificationListener listener = this::collected;
        emitter.addNotificationListener(listener, null, null);
        removals.add(() -> {
          try {
            emitter.removeNotificationListener(listener);
          } catch (javax.management.ListenerNotFoundException e) {
            // already gone
          }
        });
      }
    }
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
        .getGcInfo().getMemoryUsageAfterGc();
    long used = after.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
    maxAfterGc.accumulateAndGet(used, Math::max);
    collections.incrementAndGet();
  }

  /** Highest heap in use right after a collection since this watch started, in MB. */
  double maxAfterGcMb() {
    return maxAfterGc.get() / (1024.0 * 1024.0);
  }

  long collections() {
    return collections.get();
  }

  /** Heap in use after explicit full collections, in MB: the live set at this point. */
  static double liveMb() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  @Override
  public void close() {
    removals.forEach(Runnable::run);
  }
}
