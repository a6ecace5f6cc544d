package io.credence.zk;

import io.credence.zk.ConstraintSystem.Lc;
import io.credence.zk.ConstraintSystem.Variable;
import java.math.BigInteger;

/**
 * Builds the scorecard constraint system (docs/zk-protocol.md §16) for the prover (with witness) or
 * the verifier (shape only). Committed variables, in order: the F quantised features, the score,
 * and in private mode the model parameters (per characteristic its B−1 integer edges then its B
 * points; then the base points).
 *
 * <p>Per characteristic with B ≥ 2 bins and integer edges E_0 &lt; … &lt; E_(B−2): one-hot
 * selectors s_j (a booleanity gate each, Σ s_j = 1); the products p_0 = s_0·x and p_last =
 * s_(B−1)·x; the one-sided check {@code D = s_0·(E_0 − x) + Σ_(j≥1) s_j·(x − E_(j−1) − 1)}
 * decomposed into K bits, and for interior bins the upper check {@code D' = Σ_(0<j<B−1) s_j·(E_j −
 * x)} into K' bits; points {@code Σ s_j·P_j}. The end bins are checked on their inner side only: a
 * value beyond the feature's range lands in the end bin, exactly as the scoring module's clamping
 * does. In public mode E and P are constants; in private mode each product s_j·E and s_j·P is a
 * gate whose right wire equals the committed parameter. The total T = base + Σ points is clamped to
 * [minScore, maxScore] by the same gadget over the regions below / inside / above the score range,
 * and the committed score must equal the result.
 */
final class ScorecardCircuit {

  private ScorecardCircuit() {}

  /** The public parts of a model that fix the circuit's shape in private mode. */
  record Shape(
      long[] scale,
      int[] bins,
      int[] wideBits,
      int[] interiorBits,
      long minScore,
      long maxScore,
      long totalLower,
      long totalUpper) {

    static final int CHARACTERISTIC_BYTES = 20;

    static Shape of(ScorecardModel m) {
      int f = m.characteristics().size();
      long[] scale = new long[f];
      int[] bins = new int[f];
      int[] wide = new int[f];
      int[] interior = new int[f];
      for (int i = 0; i < f; i++) {
        ScorecardModel.Characteristic c = m.characteristics().get(i);
        scale[i] = c.scale();
        bins[i] = c.bins();
        wide[i] = c.wideBits();
        interior[i] = c.interiorBits();
      }
      return new Shape(
          scale, bins, wide, interior, m.minScore(), m.maxScore(), m.totalLower(), m.totalUpper());
    }

    int features() {
      return bins.length;
    }

    /** Number of committed model parameters in private mode. */
    int parameters() {
      int p = 1;
      for (int b : bins) {
        p += 2 * b - 1;
      }
      return p;
    }

    /**
     * Canonical encoding, bound into the model commitment id: {@code u64(F)}, then per
     * characteristic {@code u64(scale) ‖ u32(bins) ‖ u32(K) ‖ u32(K')}, then {@code i64(minScore) ‖
     * i64(maxScore) ‖ i64(totalLower) ‖ i64(totalUpper)}.
     */
    byte[] encode() {
      int f = features();
      byte[][] parts = new byte[1 + 4 * f + 4][];
      int k = 0;
      parts[k++] = Bytes.uint64(f);
      for (int i = 0; i < f; i++) {
        parts[k++] = Bytes.uint64(scale[i]);
        parts[k++] = Bytes.uint32(bins[i]);
        parts[k++] = Bytes.uint32(wideBits[i]);
        parts[k++] = Bytes.uint32(interiorBits[i]);
      }
      parts[k++] = Bytes.uint64(minScore);
      parts[k++] = Bytes.uint64(maxScore);
      parts[k++] = Bytes.uint64(totalLower);
      parts[k] = Bytes.uint64(totalUpper);
      return Bytes.concat(parts);
    }
  }

  /** s·E_k for a selector and an edge index: a constant multiple or a product gate. */
  private interface EdgeTerm {
    Lc times(Lc selector, int edge);
  }

  /**
   * Public model: bins and points are constants of the constraints.
   *
   * @param features quantised features, or null for the shape only
   */
  static ConstraintSystem publicModel(ScorecardModel model, long[] features) {
    if (features == null) {
      return publicModel(model, null, null, 0);
    }
    int[] bins = new int[features.length];
    for (int i = 0; i < bins.length; i++) {
      bins[i] = model.characteristics().get(i).binOf(features[i]);
    }
    return publicModel(model, features, bins, model.score(features));
  }

  /**
   * Public model with the prover's choice of bin per feature and of the committed score — honest
   * callers use {@link #publicModel(ScorecardModel, long[])}; tests use this to show that a wrong
   * choice leaves the constraints unsatisfied.
   */
  static ConstraintSystem publicModel(
      ScorecardModel model, long[] features, int[] chosenBins, long score) {
    int f = model.characteristics().size();
    ConstraintSystem cs =
        features == null
            ? ConstraintSystem.shape(f + 1)
            : ConstraintSystem.withWitness(committedValues(features, score, null));
    Lc total = Lc.constant(model.basePoints());
    for (int i = 0; i < f; i++) {
      ScorecardModel.Characteristic c = model.characteristics().get(i);
      long[] e = c.quantisedEdges();
      Integer bin = features == null ? null : chosenBins[i];
      Lc[] s =
          selectBin(
              cs,
              Lc.of(cs.committed(i)),
              c.bins(),
              bin,
              (sel, k) -> new Lc().add(sel, e[k]),
              c.wideBits(),
              c.interiorBits());
      for (int j = 0; j < c.bins(); j++) {
        total.add(s[j], c.points().get(j));
      }
    }
    clamp(cs, total, Shape.of(model), f);
    return cs;
  }

  /**
   * Private model: edges, points and base are committed variables.
   *
   * @param model the model (prover) or null (verifier)
   * @param features quantised features (prover) or null (verifier)
   */
  static ConstraintSystem privateModel(Shape shape, ScorecardModel model, long[] features) {
    int f = shape.features();
    ConstraintSystem cs =
        features == null
            ? ConstraintSystem.shape(f + 1 + shape.parameters())
            : ConstraintSystem.withWitness(
                committedValues(features, model.score(features), parameterValues(model)));
    int param = f + 1;
    Lc total = new Lc();
    for (int i = 0; i < f; i++) {
      int bins = shape.bins()[i];
      Integer bin = features == null ? null : model.characteristics().get(i).binOf(features[i]);
      int edgeBase = param;
      int pointBase = param + bins - 1;
      param += 2 * bins - 1;
      Lc[] s =
          selectBin(
              cs,
              Lc.of(cs.committed(i)),
              bins,
              bin,
              (sel, k) -> Lc.of(product(cs, sel, Lc.of(cs.committed(edgeBase + k)))),
              shape.wideBits()[i],
              shape.interiorBits()[i]);
      if (bins == 1) {
        total.add(cs.committed(pointBase), 1);
      } else {
        for (int j = 0; j < bins; j++) {
          total.add(product(cs, s[j], Lc.of(cs.committed(pointBase + j))), 1);
        }
      }
    }
    total.add(cs.committed(param), 1); // base points
    clamp(cs, total, shape, f);
    return cs;
  }

  /** The model parameters in commitment order (private mode). */
  static long[] parameterValues(ScorecardModel model) {
    Shape shape = Shape.of(model);
    long[] out = new long[shape.parameters()];
    int k = 0;
    for (ScorecardModel.Characteristic c : model.characteristics()) {
      for (long e : c.quantisedEdges()) {
        out[k++] = e;
      }
      for (long p : c.points()) {
        out[k++] = p;
      }
    }
    out[k] = model.basePoints();
    return out;
  }

  private static BigInteger[] committedValues(long[] features, long score, long[] params) {
    int p = params == null ? 0 : params.length;
    BigInteger[] v = new BigInteger[features.length + 1 + p];
    for (int i = 0; i < features.length; i++) {
      v[i] = BigInteger.valueOf(features[i]);
    }
    v[features.length] = BigInteger.valueOf(score);
    for (int i = 0; i < p; i++) {
      v[features.length + 1 + i] = BigInteger.valueOf(params[i]);
    }
    return v;
  }

  /**
   * Selects the bin of x among {@code bins} upper-inclusive bins with edges given by {@code edge}
   * and returns the selectors; also returns, as element {@code bins}, the product s_0·x and, as
   * element {@code bins + 1}, s_last·x (null for a single bin).
   */
  private static Lc[] selectBin(
      ConstraintSystem cs,
      Lc x,
      int bins,
      Integer chosen,
      EdgeTerm edge,
      int wideBits,
      int interiorBits) {
    Lc[] s = selectors(cs, bins, chosen);
    Lc[] out = java.util.Arrays.copyOf(s, bins + 2);
    if (bins == 1) {
      return out;
    }
    Lc p0 = Lc.of(product(cs, s[0], x));
    Lc pLast = Lc.of(product(cs, s[bins - 1], x));
    // D = s_0·E_0 − p0 + (x − p0) − Σ_(j≥1) (s_j·E_(j−1) + s_j)
    Lc d = edge.times(s[0], 0).add(p0, -2).add(x, 1);
    for (int j = 1; j < bins; j++) {
      d.add(edge.times(s[j], j - 1), -1).add(s[j], -1);
    }
    rangeCheck(cs, d, wideBits);
    if (bins > 2) {
      // D' = Σ_(0<j<last) s_j·E_j − (x − p0 − pLast)
      Lc dUpper = new Lc().add(x, -1).add(p0, 1).add(pLast, 1);
      for (int j = 1; j < bins - 1; j++) {
        dUpper.add(edge.times(s[j], j), 1);
      }
      rangeCheck(cs, dUpper, interiorBits);
    }
    out[bins] = p0;
    out[bins + 1] = pLast;
    return out;
  }

  /**
   * One-hot selectors for {@code count} options: a booleanity gate s·(1 − s) = 0 per option and Σ s
   * = 1. A single option is the constant 1 (no gate).
   */
  private static Lc[] selectors(ConstraintSystem cs, int count, Integer chosen) {
    Lc[] s = new Lc[count];
    if (count == 1) {
      s[0] = Lc.constant(1);
      return s;
    }
    Lc sum = Lc.constant(-1);
    for (int j = 0; j < count; j++) {
      BigInteger bit = null;
      if (cs.hasWitness()) {
        bit = chosen != null && chosen == j ? BigInteger.ONE : BigInteger.ZERO;
      }
      Variable[] g = cs.gate(bit, bit == null ? null : BigInteger.ONE.subtract(bit));
      // a_L + a_R = 1 and a_O = 0 make a_L boolean.
      cs.constrain(Lc.of(g[0]).add(g[1], 1).add(Variable.ONE, -1));
      cs.constrain(Lc.of(g[2]));
      s[j] = Lc.of(g[0]);
      sum.add(g[0], 1);
    }
    cs.constrain(sum);
    return s;
  }

  /** A gate with a_L = left, a_R = right; returns its output wire. */
  private static Variable product(ConstraintSystem cs, Lc left, Lc right) {
    BigInteger l = cs.hasWitness() ? cs.value(left) : null;
    BigInteger r = cs.hasWitness() ? cs.value(right) : null;
    Variable[] g = cs.gate(l, r);
    cs.constrain(Lc.of(g[0]).add(left, -1));
    cs.constrain(Lc.of(g[1]).add(right, -1));
    return g[2];
  }

  /** value = Σ_t 2^t·b_t with every b_t boolean: 0 ≤ value &lt; 2^bits. */
  private static void rangeCheck(ConstraintSystem cs, Lc value, int bits) {
    BigInteger v = cs.hasWitness() ? cs.value(value) : null;
    Lc sum = new Lc().add(value, -1);
    for (int t = 0; t < bits; t++) {
      BigInteger bit = null;
      if (v != null) {
        // A negative or too-large value gets some bits; the sum constraint then fails.
        bit = v.testBit(t) ? BigInteger.ONE : BigInteger.ZERO;
      }
      Variable[] g = cs.gate(bit, bit == null ? null : BigInteger.ONE.subtract(bit));
      cs.constrain(Lc.of(g[0]).add(g[1], 1).add(Variable.ONE, -1));
      cs.constrain(Lc.of(g[2]));
      sum.add(g[0], BigInteger.ONE.shiftLeft(t));
    }
    cs.constrain(sum);
  }

  /**
   * score = clamp(total, minScore, maxScore), with total in [totalLower, totalUpper]: the bin
   * gadget over the regions below / inside / above the score range (empty ones left out); the
   * inside region passes the total through ({@code total − p_below − p_above}).
   */
  private static void clamp(ConstraintSystem cs, Lc total, Shape shape, int scoreIndex) {
    long tLo = shape.totalLower();
    long tHi = shape.totalUpper();
    long min = shape.minScore();
    long max = shape.maxScore();
    Lc score = Lc.of(cs.committed(scoreIndex));
    boolean below = tLo < min;
    boolean above = tHi > max;
    if (!below && !above) {
      cs.constrain(score.add(total, -1));
      return;
    }
    long[] edges =
        below && above
            ? new long[] {min - 1, max}
            : below ? new long[] {min - 1} : new long[] {max};
    int regions = edges.length + 1;
    Integer chosen = null;
    if (cs.hasWitness()) {
      long t = cs.value(total).longValueExact();
      int r = 0;
      for (long e : edges) {
        if (t > e) {
          r++;
        }
      }
      chosen = r;
    }
    long widest = Math.max(edges[0] - tLo, tHi - edges[edges.length - 1] - 1);
    long interior = edges.length == 2 ? max - min : 0;
    Lc[] u =
        selectBin(
            cs,
            total,
            regions,
            chosen,
            (sel, k) -> new Lc().add(sel, edges[k]),
            ScorecardModel.bitLength(Math.max(widest, interior)),
            ScorecardModel.bitLength(interior));
    // score = [below]·min + (total − p_first·[below] − p_last·[above]) + [above]·max
    Lc result = new Lc().add(total, 1);
    if (below) {
      result.add(u[0], min).add(u[regions], -1);
    }
    if (above) {
      result.add(u[regions - 1], max).add(u[regions + 1], -1);
    }
    cs.constrain(score.add(result, -1));
  }
}
