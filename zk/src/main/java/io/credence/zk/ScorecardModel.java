package io.credence.zk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A points-based scorecard as the inference circuit sees it, independent of how it was trained:
 * {@code score = clamp(basePoints + Σ_i points_i[bin_i(x_i)], minScore, maxScore)}, where the bins
 * of characteristic i are upper-inclusive: bin j holds {@code upperEdges[j-1] < x ≤ upperEdges[j]},
 * the first bin is unbounded below and the last unbounded above (docs/zk-protocol.md §16).
 *
 * <p>Feature values are committed as fixed-point integers: {@link #quantise(int, double)} replaces
 * a missing value ({@code NaN}) by the characteristic's {@code missingValue}, clamps to {@code
 * [min, max]} and maps x to {@code floor(x·scale)}, rounded up by one when an edge e lies in the
 * same unit cell and {@code x > e}. Edges map to {@code floor(e·scale)}. With that rule {@code q(x)
 * ≤ E_j ⇔ x ≤ e_j} holds exactly for every double x, so the integer scorecard selects exactly the
 * bins the floating-point one does; {@code |q(x) − x·scale| < 1}.
 *
 * <p>Example (one characteristic, ratio in basis points):
 *
 * <pre>{@code
 * var repay = new ScorecardModel.Characteristic(
 *     "repay_ratio", 10_000, 0, 2, 1, List.of(0.5, 0.9), List.of(0L, 40L, 90L));
 * var model = new ScorecardModel(400, 300, 850, List.of(repay));
 * long q = model.quantise(0, 0.7);   // 7000
 * long s = model.score(new long[] {q}); // 440
 * }</pre>
 *
 * @param basePoints integer base points
 * @param minScore lowest score (the sum is clamped up to it)
 * @param maxScore highest score (the sum is clamped down to it)
 * @param characteristics one per committed feature, in commitment order
 */
public record ScorecardModel(
    long basePoints, long minScore, long maxScore, List<Characteristic> characteristics) {

  /** Quantised values and points must stay below 2^60 in magnitude. */
  static final long LIMIT = 1L << 60;

  /**
   * @throws IllegalArgumentException if there are no characteristics, {@code minScore > maxScore}
   *     or a value is outside ±2^60
   */
  public ScorecardModel {
    characteristics = List.copyOf(characteristics);
    if (characteristics.isEmpty()) {
      throw new IllegalArgumentException("a scorecard needs at least one characteristic");
    }
    if (minScore > maxScore) {
      throw new IllegalArgumentException("minScore > maxScore");
    }
    checkLimit(basePoints, "basePoints");
    checkLimit(minScore, "minScore");
    checkLimit(maxScore, "maxScore");
  }

  /**
   * One feature's bins: an immutable value (equality by all fields) that caches its integer form.
   */
  public static final class Characteristic {

    private final String name;
    private final long scale;
    private final double min;
    private final double max;
    private final double missingValue;
    private final List<Double> upperEdges;
    private final List<Long> points;
    private final double[] edges;
    private final long[] quantisedEdges;
    private final long lower;
    private final long upper;

    /**
     * @param name the feature's name (documentation only; not part of the circuit)
     * @param scale fixed-point scale: committed value ≈ x·scale, {@code ≥ 1}
     * @param min smallest valid value; lower values are clamped to it
     * @param max largest valid value; higher values are clamped to it
     * @param missingValue the value a missing ({@code NaN}) feature takes, as in the scoring module
     * @param upperEdges strictly increasing upper-inclusive bin edges (one fewer than bins)
     * @param points integer points per bin
     * @throws IllegalArgumentException if sizes disagree, the scale is below 1, a bound is not
     *     finite, {@code min > max}, points exceed ±2^60, or two edges fall into the same unit cell
     *     of the scale (the scale is too coarse to separate them)
     */
    public Characteristic(
        String name,
        long scale,
        double min,
        double max,
        double missingValue,
        List<Double> upperEdges,
        List<Long> points) {
      this.name = Objects.requireNonNull(name, "name");
      this.upperEdges = List.copyOf(upperEdges);
      this.points = List.copyOf(points);
      this.scale = scale;
      this.min = min;
      this.max = max;
      this.missingValue = missingValue;
      if (scale < 1) {
        throw new IllegalArgumentException(name + ": scale must be ≥ 1");
      }
      if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
        throw new IllegalArgumentException(name + ": need finite min ≤ max");
      }
      if (!Double.isFinite(missingValue)) {
        throw new IllegalArgumentException(name + ": missing value must be finite");
      }
      if (this.points.size() != this.upperEdges.size() + 1) {
        throw new IllegalArgumentException(name + ": need one more bin than edges");
      }
      for (long p : this.points) {
        checkLimit(p, name + " points");
      }
      edges = new double[this.upperEdges.size()];
      quantisedEdges = new long[edges.length];
      long previous = Long.MIN_VALUE;
      for (int j = 0; j < edges.length; j++) {
        edges[j] = this.upperEdges.get(j);
        if (!Double.isFinite(edges[j])) {
          throw new IllegalArgumentException(name + ": edges must be finite");
        }
        quantisedEdges[j] = floorScaled(edges[j], scale);
        if (quantisedEdges[j] <= previous) {
          throw new IllegalArgumentException(
              name + ": edges must increase and fall into distinct cells of scale " + scale);
        }
        previous = quantisedEdges[j];
      }
      checkLimit(floorScaled(min, scale), name + " min");
      checkLimit(floorScaled(max, scale) + 1, name + " max");
      lower = quantise(min);
      upper = quantise(max);
    }

    public String name() {
      return name;
    }

    public long scale() {
      return scale;
    }

    public double min() {
      return min;
    }

    public double max() {
      return max;
    }

    public double missingValue() {
      return missingValue;
    }

    public List<Double> upperEdges() {
      return upperEdges;
    }

    public List<Long> points() {
      return points;
    }

    /** Integer edges E_j = floor(e_j·scale). */
    long[] quantisedEdges() {
      return quantisedEdges.clone();
    }

    /** The quantised value of a raw feature value (see the class comment). */
    long quantise(double raw) {
      double x = Double.isNaN(raw) ? missingValue : Math.max(min, Math.min(max, raw));
      long g = floorScaled(x, scale);
      for (int j = 0; j < edges.length; j++) {
        if (quantisedEdges[j] == g && x > edges[j]) {
          return g + 1;
        }
      }
      return g;
    }

    /** Lowest quantised value: q(min). */
    long lower() {
      return lower;
    }

    /** Highest quantised value: q(max). */
    long upper() {
      return upper;
    }

    int bins() {
      return points.size();
    }

    /** Bin of a quantised value: the number of edges below it. */
    int binOf(long q) {
      int j = 0;
      while (j < quantisedEdges.length && q > quantisedEdges[j]) {
        j++;
      }
      return j;
    }

    /**
     * Bits of the one-sided check of the selected bin: {@code E_0 − x} for the first bin, {@code x
     * − E_(j−1) − 1} for the others; covers q(min)…E_0, E_last+1…q(max) and every interior bin.
     * Zero for a single bin (no check).
     */
    int wideBits() {
      long[] e = quantisedEdges;
      if (e.length == 0) {
        return 0;
      }
      long widest = Math.max(e[0] - lower, upper - e[e.length - 1] - 1);
      widest = Math.max(widest, widestInterior(e));
      return bitLength(widest);
    }

    /** Bits of the upper check {@code E_j − x} of an interior bin; zero without interior bins. */
    int interiorBits() {
      return quantisedEdges.length < 2 ? 0 : bitLength(widestInterior(quantisedEdges));
    }

    private static long widestInterior(long[] e) {
      long widest = 0;
      for (int j = 1; j < e.length; j++) {
        widest = Math.max(widest, e[j] - e[j - 1] - 1);
      }
      return widest;
    }

    long minPoints() {
      return points.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    long maxPoints() {
      return points.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Characteristic c
          && name.equals(c.name)
          && scale == c.scale
          && Double.compare(min, c.min) == 0
          && Double.compare(max, c.max) == 0
          && Double.compare(missingValue, c.missingValue) == 0
          && upperEdges.equals(c.upperEdges)
          && points.equals(c.points);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, scale, min, max, missingValue, upperEdges, points);
    }

    @Override
    public String toString() {
      return "Characteristic["
          + name
          + ", scale "
          + scale
          + ", edges "
          + upperEdges
          + ", points "
          + points
          + "]";
    }
  }

  /**
   * The committed fixed-point value of feature {@code i}.
   *
   * @throws IndexOutOfBoundsException if there is no characteristic {@code i}
   */
  public long quantise(int i, double raw) {
    return characteristics.get(i).quantise(raw);
  }

  /**
   * The integer score of quantised features, exactly as the circuit computes it.
   *
   * @throws IllegalArgumentException if the number of values is not the number of characteristics
   */
  public long score(long[] quantised) {
    requireFeatureCount(quantised.length);
    long total = basePoints;
    for (int i = 0; i < quantised.length; i++) {
      Characteristic c = characteristics.get(i);
      total += c.points().get(c.binOf(quantised[i]));
    }
    return Math.max(minScore, Math.min(maxScore, total));
  }

  /**
   * Quantises raw feature values and commits to each with a fresh blinding: the secret openings the
   * prover uses and may later disclose one by one.
   *
   * @throws IllegalArgumentException if the number of values is not the number of characteristics
   */
  public List<Opening> openFeatures(double[] raw, SecureRandom rnd) {
    requireFeatureCount(raw.length);
    List<Opening> out = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      out.add(signedOpening(quantise(i, raw[i]), Blinding.random(rnd)));
    }
    return out;
  }

  /**
   * An opening of a possibly negative fixed-point value: committed as {@code value mod r}.
   *
   * @throws IllegalArgumentException if |value| ≥ 2^60
   */
  public static Opening signedOpening(long value, Blinding blinding) {
    checkLimit(value, "value");
    return Opening.of(BigInteger.valueOf(value).mod(ScalarField.R), blinding);
  }

  /** Lowest possible sum before clamping. */
  long totalLower() {
    long t = basePoints;
    for (Characteristic c : characteristics) {
      t += c.minPoints();
    }
    return t;
  }

  /** Highest possible sum before clamping. */
  long totalUpper() {
    long t = basePoints;
    for (Characteristic c : characteristics) {
      t += c.maxPoints();
    }
    return t;
  }

  void requireFeatureCount(int count) {
    if (count != characteristics.size()) {
      throw new IllegalArgumentException(
          "expected " + characteristics.size() + " feature values, got " + count);
    }
  }

  /** Bits to represent 0…v (at least 1). */
  static int bitLength(long v) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(0, v)));
  }

  static long floorScaled(double x, long scale) {
    if (scale == 1 && Math.abs(x) < 0x1p62) {
      return (long) Math.floor(x); // exact: floor of a double is an integer-valued double
    }
    BigDecimal v = new BigDecimal(x).multiply(BigDecimal.valueOf(scale));
    BigInteger f = v.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    if (f.bitLength() > 62) {
      throw new IllegalArgumentException("value " + x + "·" + scale + " exceeds the circuit range");
    }
    return f.longValueExact();
  }

  private static void checkLimit(long v, String what) {
    if (v <= -LIMIT || v >= LIMIT) {
      throw new IllegalArgumentException(what + " outside ±2^60");
    }
  }
}
