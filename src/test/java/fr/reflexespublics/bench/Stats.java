package fr.reflexespublics.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles and medians of measured samples. */
final class Stats {
  private Stats() {}

  static double percentile(List<Double> samples, double p) {
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static double median(List<Double> samples) {
    return percentile(samples, 50);
  }
}
