package io.credence.scoring.features;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A borrower's features under schema {@link FeatureSchema#VERSION}. Values are always sanitized
 * (see {@link Feature#sanitize(double)}), so a vector never holds {@code NaN} or out-of-range
 * values. Immutable.
 */
public final class FeatureVector {

  private final double[] values;

  private FeatureVector(double[] values) {
    this.values = values;
  }

  /**
   * Builds a vector from values in {@link FeatureSchema#FEATURES} order, sanitizing each.
   *
   * @throws IllegalArgumentException if the array length differs from the number of features
   */
  public static FeatureVector of(double... raw) {
    if (raw.length != FeatureSchema.FEATURES.size()) {
      throw new IllegalArgumentException(
          "expected " + FeatureSchema.FEATURES.size() + " values, got " + raw.length);
    }
    double[] v = new double[raw.length];
    for (Feature f : FeatureSchema.FEATURES) {
      v[f.ordinal()] = f.sanitize(raw[f.ordinal()]);
    }
    return new FeatureVector(v);
  }

  /**
   * Builds a vector from a map; features absent from the map are missing and get their documented
   * missing value (the riskiest one); values outside a range are capped as by {@link
   * #of(double...)}.
   */
  public static FeatureVector of(Map<Feature, Double> byFeature) {
    double[] raw = new double[FeatureSchema.FEATURES.size()];
    Arrays.fill(raw, Double.NaN);
    byFeature.forEach((f, v) -> raw[f.ordinal()] = Objects.requireNonNull(v, () -> f + " is null"));
    return of(raw);
  }

  /**
   * Builds a vector from external input (JSON, CSV): absent or {@code NaN} features are missing and
   * get the riskiest value; a value outside a feature's range is refused, not clamped.
   *
   * @throws IllegalArgumentException naming the first feature whose value is out of range
   */
  public static FeatureVector validated(Map<Feature, Double> byFeature) {
    double[] v = new double[FeatureSchema.FEATURES.size()];
    for (Feature f : FeatureSchema.FEATURES) {
      Double value = byFeature.get(f);
      v[f.ordinal()] = f.validate(value == null ? Double.NaN : value);
    }
    return new FeatureVector(v);
  }

  /** A number as the schema's messages print it: integers without a fraction. */
  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.6g", v);
  }

  public double get(Feature feature) {
    return values[feature.ordinal()];
  }

  /** A copy of the values in schema order. */
  public double[] toArray() {
    return values.clone();
  }

  /** Values keyed by column name, in schema order. */
  public Map<String, Double> toColumnMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Feature f : FeatureSchema.FEATURES) {
      m.put(f.column(), values[f.ordinal()]);
    }
    return m;
  }

  /** Returns a copy with one feature replaced (sanitized). */
  public FeatureVector with(Feature feature, double value) {
    double[] v = values.clone();
    v[feature.ordinal()] = feature.sanitize(value);
    return new FeatureVector(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureVector other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FeatureVector" + toColumnMap();
  }
}
