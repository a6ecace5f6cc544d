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
 * <p>Per characteristic with bins [L_j, U_j] (L_0 = q(min), L_j = E_(j−1) + 1, U_j = E_j, U_(B−1) =
 * q(max)): one-hot selectors s_j (booleanity gate each, Σ s_j = 1); {@code x − Σ s_j·L_j} and
 * {@code Σ s_j·U_j − x} decomposed into K bits each (bounds); points {@code Σ s_j·P_j}. In public
 * mode L, U, P are constants; in private mode each product s_j·E and s_j·P is a gate whose right
 * wire equals the committed parameter. The total T = base + Σ points is clamped to [minScore,
 * maxScore] by a second selection over the regions below / inside / above the score range, and the
 * committed score must equal the result.
 */
final class ScorecardCircuit {

  private ScorecardCircuit() {}

  /** The public parts of a model that fix the circuit's shape in private mode. */
  record Shape(
      long[] scale,
      long[] lower,
      long[] upper,
      int[] bins,
      int[] bits,
      long minScore,
      long maxScore,
      long totalLower,
      long totalUpper) {

    static Shape of(ScorecardModel m) {
      int f = m.characteristics().size();
      long[] scale = new long[f];
      long[] lower = new long[f];
      long[] upper = new long[f];
      int[] bins = new int[f];
      int[] bits = new int[f];
      for (int i = 0; i < f; i++) {
        ScorecardModel.Characteristic c = m.characteristics().get(i);
        scale[i] = c.scale();
        lower[i] = c.lower();
        upper[i] = c.upper();
        bins[i] = c.bins();
        bits[i] = c.bits();
      }
      return new Shape(
          scale,
          lower,
          upper,
          bins,
          bits,
          m.minScore(),
          m.maxScore(),
          m.totalLower(),
          m.totalUpper());
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

    /** Canonical encoding, bound into the model commitment id. */
    byte[] encode() {
      int f = features();
      byte[][] parts = new byte[1 + 5 * f + 4][];
      int k = 0;
      parts[k++] = Bytes.uint64(f);
      for (int i = 0; i < f; i++) {
        parts[k++] = Bytes.uint64(scale[i]);
        parts[k++] = Bytes.uint64(lower[i]);
        parts[k++] = Bytes.uint64(upper[i]);
        parts[k++] = Bytes.uint32(bins[i]);
        parts[k++] = Bytes.uint32(bits[i]);
      }
      parts[k++] = Bytes.uint64(minScore);
      parts[k++] = Bytes.uint64(maxScore);
      parts[k++] = Bytes.uint64(totalLower);
      parts[k] = Bytes.uint64(totalUpper);
      return Bytes.concat(parts);
    }
  }

  /**
   * Public model: bins and points are constants of the constraints.
   *
   * @param features quantised features, or null for the shape only
   */
  static ConstraintSystem publicModel(ScorecardModel model, long[] features) {
    int f = model.characteristics().size();
    ConstraintSystem cs =
        features == null
            ? ConstraintSystem.shape(f + 1)
            : ConstraintSystem.withWitness(committedValues(features, model.score(features), null));
    Lc total = Lc.constant(model.basePoints());
    for (int i = 0; i < f; i++) {
      ScorecardModel.Characteristic c = model.characteristics().get(i);
      long[] e = c.quantisedEdges();
      int bins = c.bins();
      long[] lo = new long[bins];
      long[] hi = new long[bins];
      for (int j = 0; j < bins; j++) {
        lo[j] = j == 0 ? c.lower() : e[j - 1] + 1;
        hi[j] = j == e.length ? c.upper() : e[j];
      }
      Lc x = Lc.of(cs.committed(i));
      Integer bin = features == null ? null : c.binOf(features[i]);
      Lc[] s = selectors(cs, bins, bin);
      Lc loSel = new Lc();
      Lc hiSel = new Lc();
      for (int j = 0; j < bins; j++) {
        loSel.add(s[j], lo[j]);
        hiSel.add(s[j], hi[j]);
        total.add(s[j], c.points().get(j));
      }
      rangeCheck(cs, new Lc().add(x, 1).add(loSel, -1), c.bits());
      rangeCheck(cs, new Lc().add(hiSel, 1).add(x, -1), c.bits());
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
      Lc[] s = selectors(cs, bins, bin);
      int edgeBase = param;
      int pointBase = param + bins - 1;
      param += 2 * bins - 1;
      Lc loSel = new Lc().add(s[0], shape.lower()[i]);
      Lc hiSel = new Lc().add(s[bins - 1], shape.upper()[i]);
      for (int j = 0; j < bins; j++) {
        if (j >= 1) {
          loSel.add(product(cs, s[j], cs.committed(edgeBase + j - 1)), 1).add(s[j], 1);
        }
        if (j < bins - 1) {
          hiSel.add(product(cs, s[j], cs.committed(edgeBase + j)), 1);
        }
        total.add(product(cs, s[j], cs.committed(pointBase + j)), 1);
      }
      Lc x = Lc.of(cs.committed(i));
      rangeCheck(cs, new Lc().add(x, 1).add(loSel, -1), shape.bits()[i]);
      rangeCheck(cs, new Lc().add(hiSel, 1).add(x, -1), shape.bits()[i]);
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
      BigInteger bit = BigInteger.ZERO;
      if (chosen != null) {
        bit = chosen == j ? BigInteger.ONE : BigInteger.ZERO;
      }
      Variable[] g = cs.gate(bit, BigInteger.ONE.subtract(bit));
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
  private static Variable product(ConstraintSystem cs, Lc left, Variable right) {
    BigInteger l = cs.hasWitness() ? cs.value(left) : null;
    BigInteger r = cs.hasWitness() ? cs.value(right) : null;
    Variable[] g = cs.gate(l, r);
    cs.constrain(Lc.of(g[0]).add(left, -1));
    cs.constrain(Lc.of(g[1]).add(right, -1));
    return g[2];
  }

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
        // A negative or too-large value gets its low bits; the constraint then fails.
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
   * score = clamp(total, minScore, maxScore) for total in [totalLower, totalUpper]: regions below,
   * inside and above the score range (empty ones left out) are selected one-hot and bounds-checked
   * like bins; the inside region passes the total through.
   */
  private static void clamp(ConstraintSystem cs, Lc total, Shape shape, int scoreIndex) {
    long tLo = shape.totalLower();
    long tHi = shape.totalUpper();
    long min = shape.minScore();
    long max = shape.maxScore();
    Lc score = Lc.of(cs.committed(scoreIndex));
    java.util.List<long[]> regions = new java.util.ArrayList<>(); // {lo, hi, kind}
    if (tLo < min) {
      regions.add(new long[] {tLo, Math.min(tHi, min - 1), 0});
    }
    if (tHi >= min && tLo <= max) {
      regions.add(new long[] {Math.max(tLo, min), Math.min(tHi, max), 1});
    }
    if (tHi > max) {
      regions.add(new long[] {Math.max(tLo, max + 1), tHi, 2});
    }
    Integer chosen = null;
    if (cs.hasWitness()) {
      long t = cs.value(total).longValueExact();
      for (int r = 0; r < regions.size(); r++) {
        if (t >= regions.get(r)[0] && t <= regions.get(r)[1]) {
          chosen = r;
        }
      }
      if (chosen == null) {
        chosen = 0; // unreachable for a well-formed model; the constraints then fail
      }
    }
    Lc[] u = selectors(cs, regions.size(), chosen);
    if (regions.size() == 1 && regions.get(0)[2] == 1) {
      cs.constrain(score.add(total, -1));
      return;
    }
    Lc loSel = new Lc();
    Lc hiSel = new Lc();
    long widest = 0;
    Lc result = new Lc();
    for (int r = 0; r < regions.size(); r++) {
      long[] reg = regions.get(r);
      loSel.add(u[r], reg[0]);
      hiSel.add(u[r], reg[1]);
      widest = Math.max(widest, reg[1] - reg[0]);
      switch ((int) reg[2]) {
        case 0 -> result.add(u[r], min);
        case 2 -> result.add(u[r], max);
        default -> result.add(product(cs, u[r], total), 1);
      }
    }
    int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(widest));
    rangeCheck(cs, new Lc().add(total, 1).add(loSel, -1), bits);
    rangeCheck(cs, new Lc().add(hiSel, 1).add(total, -1), bits);
    cs.constrain(score.add(result, -1));
  }
}
