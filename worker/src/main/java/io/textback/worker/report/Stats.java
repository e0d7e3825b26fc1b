package io.textback.worker.report;

import java.util.List;

/** The few statistics the reports need: percentiles, rates, Wilson intervals, a two-proportion test. */
final class Stats {
  private Stats() {}

  /** Linear interpolation between closest ranks (PostgreSQL's percentile_cont); null for no values. */
  static Double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    double index = p * (sorted.size() - 1);
    int lower = (int) Math.floor(index);
    int upper = (int) Math.ceil(index);
    return sorted.get(lower) + (index - lower) * (sorted.get(upper) - sorted.get(lower));
  }

  /** part / whole, null when there is no whole. */
  static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** 95% Wilson score interval of successes / trials. */
  static double[] wilson(long successes, long trials) {
    if (trials == 0) {
      return new double[] {0, 1};
    }
    double z = 1.959964;
    double p = (double) successes / trials;
    double denominator = 1 + z * z / trials;
    double centre = (p + z * z / (2.0 * trials)) / denominator;
    double margin = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
    return new double[] {Math.max(0, centre - margin), Math.min(1, centre + margin)};
  }

  /** Two-sided p-value of the pooled two-proportion z-test; 1 when either group is empty. */
  static double twoProportionPValue(long s1, long n1, long s2, long n2) {
    if (n1 == 0 || n2 == 0) {
      return 1;
    }
    double pooled = (double) (s1 + s2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    if (se == 0) {
      return 1;
    }
    double z = Math.abs((double) s1 / n1 - (double) s2 / n2) / se;
    return 2 * (1 - normalCdf(z));
  }

  /** Φ(x) by the Abramowitz-Stegun 7.1.26 approximation of erf (error below 1.5e-7). */
  static double normalCdf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
    double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        * Math.exp(-x * x / 2);
    return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  }
}
