package io.credence.zk;

import java.math.BigInteger;

/**
 * BN254 G1 on 64-bit-limb Montgomery field arithmetic with Jacobian coordinates. Points handed out
 * are affine ({@link Fp} coordinates); the inner loops work on mutable limb arrays ({@link
 * JacobianLimbs}, {@link FieldLimbs}), and their additions allocate nothing.
 *
 * <p>Multi-scalar multiplication, chosen by size: below {@value #PIPPENGER_THRESHOLD} non-zero
 * terms, interleaved wNAF (Straus) with one shared doubling chain, a window of {@value #WINDOW}
 * bits for ordinary points and {@value #FIXED_WINDOW} or {@value #LARGE_FIXED_WINDOW} bits for
 * fixed bases (the generators, see {@link #precomputed}), whose large-table scalars are also cut
 * into {@value #SPLIT_BITS}-bit chunks on cached multiples 2^(SPLIT_BITS·c)·P; an ordinary point's
 * scalar above 2^128 is split with the GLV endomorphism ({@link Glv}) on P and a cached φ(P), whose
 * table is P's times β, so the doubling chain stays at about 128 bits; from {@value
 * #BATCHED_STRAUS_THRESHOLD} terms on, the additions of each bit position are summed in affine
 * coordinates with shared inversions ({@link AffineColumns}). From {@value #PIPPENGER_THRESHOLD}
 * terms on, the bucket method. Each point's table of odd multiples is computed once, normalized to
 * affine together with the other new tables (Montgomery's trick: one field inversion per call) and
 * cached on the point, so the generators pay for it only once per process. {@link
 * #multiScalarMultiplyAll} and {@link #addAll} share one inversion per level and one normalisation
 * among several results.
 */
final class MontgomeryGroup implements CurveGroup {

  static final int WINDOW = 5;
  static final int FIXED_WINDOW = 8;

  /**
   * Window for the most used fixed bases (G, H and the first 256 vector generators): a 256-entry
   * table (16 KB) per point saves about a fifth of the additions of an 8-bit window.
   */
  static final int LARGE_FIXED_WINDOW = 10;

  /**
   * Window for the bases of every score statement (G, H and the first {@value
   * Generators#WIDE_TABLES} vector generators): a 1,024-entry table (64 KB, and as much for the
   * cached 2^128·P) per point cuts the additions of a 128-bit half by about a tenth against the
   * 10-bit window.
   */
  static final int WIDE_FIXED_WINDOW = 12;

  /**
   * From this many non-zero terms on, the bucket method. At 1,090 terms (a batch of 64 band proofs)
   * the batched Straus measured faster (35 vs 40 ms); the crossover itself was not measured.
   */
  static final int PIPPENGER_THRESHOLD = 4096;

  /**
   * From this many points on, the additions of each bit position are batched in affine coordinates
   * ({@link AffineColumns}).
   */
  static final int BATCHED_STRAUS_THRESHOLD = 8;

  /**
   * A large-table fixed base's scalar is cut into chunks of this many bits, each on a cached
   * 2^(SPLIT_BITS·c)·P, so the doubling chain of an MSM over such bases is this long. 64 (four
   * chunks, twice the table memory) saved 7 % of a band proof's field operations but no measurable
   * time; 128 is kept.
   */
  static final int SPLIT_BITS = 128;

  private static final int CHUNKS = 256 / SPLIT_BITS;
  private static final BigInteger CHUNK_MASK =
      BigInteger.ONE.shiftLeft(SPLIT_BITS).subtract(BigInteger.ONE);

  /** An ordinary point's scalar above this many bits is split with the GLV endomorphism. */
  private static final int HALF_BITS = 128;

  private static final BigInteger HALF_MASK =
      BigInteger.ONE.shiftLeft(HALF_BITS).subtract(BigInteger.ONE);

  private static final int JAC = JacobianLimbs.JAC;
  private static final int AFF = JacobianLimbs.AFF;
  private static final int SCRATCH = JacobianLimbs.SCRATCH;
  private static final Fp B = Fp.of(BigInteger.valueOf(3));

  private final Affine identity = new Affine(null, null, WINDOW);
  private final Affine generator = (Affine) fromAffine(BigInteger.ONE, BigInteger.TWO);

  /** An affine point, or the identity when x is null. */
  static final class Affine implements GroupElement {
    final Fp x;
    final Fp y;
    final int window;
    // P, 3P, …, (2^(w−1) − 1)·P as affine limbs, 8 longs (x, y) per entry
    private volatile long[] table;
    // for a large-table fixed base: 2^(SPLIT_BITS·c)·P for c = 1, 2, …, whose tables serve the
    // scalar's upper chunks (shortens the doubling chain)
    private volatile Affine[] shifted;
    // for any other point: φ(P) = λ·P (GLV), whose table is derived from P's
    private volatile Affine endo;

    Affine(Fp x, Fp y, int window) {
      this.x = x;
      this.y = y;
      this.window = window;
    }

    @Override
    public boolean isIdentity() {
      return x == null;
    }

    @Override
    public BigInteger x() {
      return x.toBigInteger();
    }

    @Override
    public BigInteger y() {
      return y.toBigInteger();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Affine a)) {
        return false;
      }
      if (isIdentity() || a.isIdentity()) {
        return isIdentity() && a.isIdentity();
      }
      return x.sameAs(a.x) && y.sameAs(a.y);
    }

    @Override
    public int hashCode() {
      return isIdentity() ? 0 : Long.hashCode(x.l0 ^ y.l1);
    }

    @Override
    public String toString() {
      return isIdentity()
          ? "G1(identity)"
          : "G1(" + x().toString(16) + ", " + y().toString(16) + ")";
    }
  }

  @Override
  public GroupElement generator() {
    return generator;
  }

  @Override
  public GroupElement identity() {
    return identity;
  }

  @Override
  public GroupElement fromAffine(BigInteger x, BigInteger y) {
    CurveGroup.requireCoordinatesInField(x, y);
    Fp fx = Fp.of(x);
    Fp fy = Fp.of(y);
    if (!Fp.sqr(fy).sameAs(Fp.add(Fp.mul(Fp.sqr(fx), fx), B))) {
      throw new IllegalArgumentException("point not on curve");
    }
    return new Affine(fx, fy, WINDOW);
  }

  /** The same point, marked as a fixed base: it gets a wider, cached precomputation table. */
  @Override
  public GroupElement precomputed(GroupElement p) {
    Affine a = (Affine) p;
    return a.isIdentity() ? a : new Affine(a.x, a.y, FIXED_WINDOW);
  }

  /** As {@link #precomputed}, with the larger window {@value #LARGE_FIXED_WINDOW}. */
  @Override
  public GroupElement precomputedLarge(GroupElement p) {
    Affine a = (Affine) p;
    return a.isIdentity() ? a : new Affine(a.x, a.y, LARGE_FIXED_WINDOW);
  }

  /** As {@link #precomputed}, with the largest window {@value #WIDE_FIXED_WINDOW}. */
  @Override
  public GroupElement precomputedWide(GroupElement p) {
    Affine a = (Affine) p;
    return a.isIdentity() ? a : new Affine(a.x, a.y, WIDE_FIXED_WINDOW);
  }

  @Override
  public GroupElement add(GroupElement a, GroupElement b) {
    Affine pa = (Affine) a;
    Affine pb = (Affine) b;
    if (pa.isIdentity()) {
      return pb;
    }
    if (pb.isIdentity()) {
      return pa;
    }
    long[] acc = new long[JAC];
    long[] q = new long[AFF];
    pa.x.copyTo(acc, 0);
    pa.y.copyTo(acc, 4);
    FieldLimbs.setOne(acc, 8);
    pb.x.copyTo(q, 0);
    pb.y.copyTo(q, 4);
    JacobianLimbs.madd(acc, 0, q, 0, false, new long[SCRATCH]);
    return toAffine(acc);
  }

  /** Pairwise sums with one shared normalisation to affine coordinates. */
  @Override
  public GroupElement[] addAll(GroupElement[] a, GroupElement[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("a and b differ in length");
    }
    long[] jacs = new long[a.length * JAC]; // zero: the identity
    long[] q = new long[AFF];
    long[] s = new long[SCRATCH];
    for (int i = 0; i < a.length; i++) {
      for (GroupElement e : new GroupElement[] {a[i], b[i]}) {
        Affine p = (Affine) e;
        if (!p.isIdentity()) {
          p.x.copyTo(q, 0);
          p.y.copyTo(q, 4);
          JacobianLimbs.madd(jacs, i * JAC, q, 0, false, s);
        }
      }
    }
    return normalized(jacs, a.length);
  }

  /** The count Jacobian points in jacs as affine points, with one inversion. */
  private GroupElement[] normalized(long[] jacs, int count) {
    long[] affine = JacobianLimbs.batchToAffine(jacs, count);
    GroupElement[] out = new GroupElement[count];
    for (int m = 0; m < count; m++) {
      out[m] =
          JacobianLimbs.isIdentity(jacs, m * JAC)
              ? identity
              : new Affine(
                  Fp.fromLimbs(affine, m * AFF), Fp.fromLimbs(affine, m * AFF + 4), WINDOW);
    }
    return out;
  }

  @Override
  public GroupElement negate(GroupElement a) {
    Affine p = (Affine) a;
    return p.isIdentity() ? p : new Affine(p.x, Fp.neg(p.y), WINDOW);
  }

  @Override
  public GroupElement multiply(GroupElement a, BigInteger k) {
    return multiScalarMultiply(new GroupElement[] {a}, new BigInteger[] {k});
  }

  @Override
  public GroupElement sum(GroupElement[] points) {
    long[] acc = new long[JAC];
    long[] q = new long[AFF];
    long[] s = new long[SCRATCH];
    for (GroupElement e : points) {
      Affine p = (Affine) e;
      if (!p.isIdentity()) {
        p.x.copyTo(q, 0);
        p.y.copyTo(q, 4);
        JacobianLimbs.madd(acc, 0, q, 0, false, s);
      }
    }
    return toAffine(acc);
  }

  @Override
  public GroupElement multiScalarMultiply(GroupElement[] points, BigInteger[] scalars) {
    return multiScalarMultiply(points, scalars, false);
  }

  /** As {@link #multiScalarMultiply}, with the bucket method forced at any size (for tests). */
  GroupElement multiScalarMultiplyWithBuckets(GroupElement[] points, BigInteger[] scalars) {
    return multiScalarMultiply(points, scalars, true);
  }

  private GroupElement multiScalarMultiply(
      GroupElement[] points, BigInteger[] scalars, boolean buckets) {
    Affine[] ps = new Affine[points.length];
    BigInteger[] ks = new BigInteger[points.length];
    int count = nonZeroTerms(points, scalars, ps, ks);
    if (count == 0) {
      return identity;
    }
    long[] acc =
        buckets || count >= PIPPENGER_THRESHOLD
            ? pippenger(ps, ks, count)
            : straus(terms(ps, ks, count));
    return toAffine(acc);
  }

  /**
   * Several MSMs over the same points (the prover's L and R of an inner-product round): the column
   * sums of all of them share each level's inversion, and the results share one normalisation.
   */
  @Override
  public GroupElement[] multiScalarMultiplyAll(GroupElement[] points, BigInteger[][] scalarSets) {
    int sets = scalarSets.length;
    long[] jacs = new long[sets * JAC]; // zero: the identity
    Terms[] batched = new Terms[sets];
    int batchedCount = 0;
    int[] batchedIndex = new int[sets];
    for (int m = 0; m < sets; m++) {
      Affine[] ps = new Affine[points.length];
      BigInteger[] ks = new BigInteger[points.length];
      int count = nonZeroTerms(points, scalarSets[m], ps, ks);
      if (count == 0) {
        continue;
      }
      if (count >= PIPPENGER_THRESHOLD) {
        System.arraycopy(pippenger(ps, ks, count), 0, jacs, m * JAC, JAC);
        continue;
      }
      Terms t = terms(ps, ks, count);
      if (t.count() >= BATCHED_STRAUS_THRESHOLD) {
        batched[batchedCount] = t;
        batchedIndex[batchedCount++] = m;
      } else {
        System.arraycopy(straus(t), 0, jacs, m * JAC, JAC);
      }
    }
    if (batchedCount > 0) {
      long[][][] tables = new long[batchedCount][][];
      int[][][] nafs = new int[batchedCount][][];
      int[] counts = new int[batchedCount];
      int[] maxLens = new int[batchedCount];
      for (int b = 0; b < batchedCount; b++) {
        tables[b] = batched[b].tables();
        nafs[b] = batched[b].nafs();
        counts[b] = batched[b].count();
        maxLens[b] = batched[b].maxLen();
      }
      long[][] accs = AffineColumns.sumAll(tables, nafs, counts, maxLens);
      for (int b = 0; b < batchedCount; b++) {
        System.arraycopy(accs[b], 0, jacs, batchedIndex[b] * JAC, JAC);
      }
    }
    return normalized(jacs, sets);
  }

  /**
   * Copies the terms with a non-zero scalar (reduced mod r) and a point other than the identity to
   * ps and ks, and returns how many there are.
   */
  private static int nonZeroTerms(
      GroupElement[] points, BigInteger[] scalars, Affine[] ps, BigInteger[] ks) {
    if (points.length != scalars.length) {
      throw new IllegalArgumentException("points and scalars differ in length");
    }
    int count = 0;
    for (int i = 0; i < points.length; i++) {
      BigInteger k =
          scalars[i].signum() < 0 || scalars[i].bitLength() > 254
              ? scalars[i].mod(ScalarField.R)
              : scalars[i];
      Affine p = (Affine) points[i];
      if (k.signum() == 0 || p.isIdentity()) {
        continue;
      }
      ps[count] = p;
      ks[count] = k;
      count++;
    }
    return count;
  }

  /** An MSM's terms after splitting: bases' tables and sparse wNAF digits. */
  private record Terms(long[][] tables, int[][] nafs, int count, int maxLen) {}

  private Terms terms(Affine[] ps, BigInteger[] ks, int count) {
    // A large-table fixed base's scalar is split into chunks k = Σ 2^(b·c)·k_c, each on a cached
    // 2^(b·c)·P, so an MSM over those bases only (every prover MSM of a score statement) needs
    // b = SPLIT_BITS doublings instead of 254 (and as many final column additions). The other
    // generators are not split: in the MSMs that use them the
    // doublings are under 2 % of the work, and their tables are kept small (at most 8,192 of them).
    // Any other point's scalar above 2^128 is split with the GLV endomorphism, k ≡ k1 + k2·λ, on P
    // and φ(P), for the same reason: the verifier's proof points then stop doubling the chain of
    // the whole MSM to 254 bits.
    // Chunks of SPLIT_BITS when every point is a large-table base (the prover's MSMs); else the
    // chain is 128 bits long anyway (GLV, other generators), and halves of 128 bits need fewer
    // terms.
    int splitBits = SPLIT_BITS;
    for (int i = 0; i < count; i++) {
      if (ps[i].window < LARGE_FIXED_WINDOW) {
        splitBits = HALF_BITS;
        break;
      }
    }
    int most = Math.max(2, CHUNKS) * count;
    Affine[] bases = new Affine[most];
    Affine[] endoOf = new Affine[most]; // non-null where bases[t] = φ(endoOf[t])
    int[][] nafs = new int[most][];
    int terms = 0;
    int maxLen = 0;
    for (int i = 0; i < count; i++) {
      Affine p = ps[i];
      BigInteger k = ks[i];
      if (p.window == WINDOW && k.bitLength() > HALF_BITS) {
        BigInteger[] split = Glv.decompose(k);
        bases[terms] = p; // kept even when k1 = 0: φ(P)'s table is derived from P's
        nafs[terms] = signedWnaf(split[0], WINDOW);
        maxLen = Math.max(maxLen, length(nafs[terms++]));
        bases[terms] = endo(p);
        endoOf[terms] = p;
        nafs[terms] = signedWnaf(split[1], WINDOW);
        maxLen = Math.max(maxLen, length(nafs[terms++]));
        continue;
      }
      if (p.window >= LARGE_FIXED_WINDOW && k.bitLength() > splitBits) {
        Affine[] shifted = shifted(p);
        BigInteger mask = splitBits == SPLIT_BITS ? CHUNK_MASK : HALF_MASK;
        for (int c = 0; c < 256 / splitBits; c++) {
          BigInteger chunk = k.shiftRight(c * splitBits).and(mask);
          if (chunk.signum() != 0) {
            bases[terms] = c == 0 ? p : shifted[c * (splitBits / SPLIT_BITS) - 1];
            nafs[terms] = wnaf(chunk, p.window);
            maxLen = Math.max(maxLen, length(nafs[terms++]));
          }
        }
        continue;
      }
      bases[terms] = p;
      nafs[terms] = wnaf(k, p.window);
      maxLen = Math.max(maxLen, length(nafs[terms++]));
    }
    return new Terms(tables(bases, endoOf, terms), nafs, terms, maxLen);
  }

  /**
   * Interleaved wNAF: one shared doubling chain, one mixed addition per non-zero digit; from
   * {@value #BATCHED_STRAUS_THRESHOLD} terms on with the additions batched ({@link AffineColumns}).
   */
  private static long[] straus(Terms t) {
    long[][] tables = t.tables();
    int[][] nafs = t.nafs();
    int terms = t.count();
    int maxLen = t.maxLen();
    if (terms >= BATCHED_STRAUS_THRESHOLD) {
      return AffineColumns.sum(tables, nafs, terms, maxLen);
    }
    long[] acc = new long[JAC];
    long[] s = new long[SCRATCH];
    int[] next = new int[terms]; // per term, the index of its highest digit not yet added
    for (int i = 0; i < terms; i++) {
      next[i] = nafs[i].length - 2;
    }
    for (int bit = maxLen - 1; bit >= 0; bit--) {
      JacobianLimbs.dbl(acc, 0, s);
      for (int i = 0; i < terms; i++) {
        int[] naf = nafs[i];
        int j = next[i];
        if (j >= 0 && naf[j] == bit) {
          int d = naf[j + 1];
          JacobianLimbs.madd(acc, 0, tables[i], (Math.abs(d) >> 1) * AFF, d < 0, s);
          next[i] = j - 2;
        }
      }
    }
    return acc;
  }

  /**
   * Bucket method with signed c-bit digits: per window, each point is added (mixed addition) to the
   * bucket of its digit, and the buckets are summed with two running sums.
   */
  private static long[] pippenger(Affine[] ps, BigInteger[] ks, int count) {
    int c = pippengerWindow(count);
    int windows = (256 + c - 1) / c + 1;
    long[] pts = new long[count * AFF];
    int[] digits = new int[count * windows];
    for (int i = 0; i < count; i++) {
      ps[i].x.copyTo(pts, i * AFF);
      ps[i].y.copyTo(pts, i * AFF + 4);
      signedDigits(ks[i], c, windows, digits, i * windows);
    }
    int buckets = 1 << (c - 1);
    long[] bucket = new long[buckets * JAC];
    long[] running = new long[JAC];
    long[] windowSum = new long[JAC];
    long[] acc = new long[JAC];
    long[] s = new long[SCRATCH];
    for (int w = windows - 1; w >= 0; w--) {
      for (int i = 0; i < c; i++) {
        JacobianLimbs.dbl(acc, 0, s);
      }
      java.util.Arrays.fill(bucket, 0);
      for (int i = 0; i < count; i++) {
        int d = digits[i * windows + w];
        if (d != 0) {
          JacobianLimbs.madd(bucket, (Math.abs(d) - 1) * JAC, pts, i * AFF, d < 0, s);
        }
      }
      java.util.Arrays.fill(running, 0);
      java.util.Arrays.fill(windowSum, 0);
      for (int b = buckets - 1; b >= 0; b--) {
        JacobianLimbs.add(running, 0, bucket, b * JAC, s);
        JacobianLimbs.add(windowSum, 0, running, 0, s);
      }
      JacobianLimbs.add(acc, 0, windowSum, 0, s);
    }
    return acc;
  }

  /** The window minimising (256/c)·(points + 2^c) group additions. */
  static int pippengerWindow(int count) {
    int best = 4;
    double bestCost = Double.MAX_VALUE;
    for (int c = 4; c <= 16; c++) {
      double cost = Math.ceil(256.0 / c) * (count + 1.5 * (1 << c));
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }

  /**
   * k = Σ d_w·2^(c·w) with digits in [−2^(c−1), 2^(c−1)]: each c-bit window plus the carry of the
   * one below; a window above 2^(c−1) becomes negative and carries one into the next.
   */
  static void signedDigits(BigInteger k, int c, int windows, int[] out, int off) {
    long[] limbs = limbs(k);
    int carry = 0;
    int half = 1 << (c - 1);
    for (int w = 0; w < windows; w++) {
      int v = carry + (int) (bits(limbs, w * c) & ((1 << c) - 1));
      if (v > half) {
        v -= 1 << c;
        carry = 1;
      } else {
        carry = 0;
      }
      out[off + w] = v;
    }
  }

  /**
   * 2^(SPLIT_BITS·c)·P for c = 1 … CHUNKS − 1, for a large-table fixed base: computed once (one
   * inversion for all) and cached, with the same window.
   */
  private static Affine[] shifted(Affine p) {
    Affine[] h = p.shifted;
    if (h == null) {
      long[] j = new long[(CHUNKS - 1) * JAC];
      long[] acc = new long[JAC];
      p.x.copyTo(acc, 0);
      p.y.copyTo(acc, 4);
      FieldLimbs.setOne(acc, 8);
      long[] s = new long[SCRATCH];
      for (int c = 1; c < CHUNKS; c++) {
        for (int i = 0; i < SPLIT_BITS; i++) {
          JacobianLimbs.dbl(acc, 0, s);
        }
        System.arraycopy(acc, 0, j, (c - 1) * JAC, JAC);
      }
      long[] a = JacobianLimbs.batchToAffine(j, CHUNKS - 1);
      h = new Affine[CHUNKS - 1];
      for (int c = 0; c < CHUNKS - 1; c++) {
        h[c] = new Affine(Fp.fromLimbs(a, c * AFF), Fp.fromLimbs(a, c * AFF + 4), p.window);
      }
      p.shifted = h;
    }
    return h;
  }

  /** φ(P) for the GLV split, computed once and cached on P. */
  private static Affine endo(Affine p) {
    Affine e = p.endo;
    if (e == null) {
      e = new Affine(Fp.mul(Glv.BETA, p.x), p.y, p.window);
      p.endo = e;
    }
    return e;
  }

  /** The wNAF of |k| ({@link #wnaf}), with the digits negated when k is negative. */
  static int[] signedWnaf(BigInteger k, int w) {
    int[] naf = wnaf(k.abs(), w);
    if (k.signum() < 0) {
      for (int j = 1; j < naf.length; j += 2) {
        naf[j] = -naf[j];
      }
    }
    return naf;
  }

  /**
   * Odd-multiple tables, computing and caching the missing ones with one shared inversion. Where
   * {@code endoOf[i]} is set, ps[i] is φ(endoOf[i]), whose table is endoOf[i]'s with every x
   * multiplied by β (endoOf[i] is among the points, before it).
   */
  private long[][] tables(Affine[] ps, Affine[] endoOf, int count) {
    long[][] out = new long[count][];
    // Missing tables are computed in groups of about TABLE_BATCH entries (one inversion per group):
    // the first MSM over the wide generators would otherwise hold some 100 MB of Jacobian
    // intermediates at once.
    int from = 0;
    int total = 0;
    for (int i = 0; i < count; i++) {
      out[i] = ps[i].table;
      if (out[i] == null && endoOf[i] == null) {
        total += tableSize(ps[i]);
      }
      if (total >= TABLE_BATCH || (i == count - 1 && total > 0)) {
        computeTables(ps, endoOf, out, from, i + 1, total);
        from = i + 1;
        total = 0;
      }
    }
    long[] beta = null;
    for (int i = 0; i < count; i++) {
      if (out[i] != null) {
        continue;
      }
      if (beta == null) {
        beta = new long[4];
        Glv.BETA.copyTo(beta, 0);
      }
      long[] table = endoOf[i].table.clone();
      for (int e = 0; e < table.length; e += AFF) {
        FieldLimbs.mul(table, e, table, e, beta, 0);
      }
      ps[i].table = table;
      out[i] = table;
    }
    return out;
  }

  /** Entries of new tables computed together, with one inversion. */
  private static final int TABLE_BATCH = 1 << 14;

  /** Computes and caches the missing tables of ps[from … to), which have total entries. */
  private void computeTables(
      Affine[] ps, Affine[] endoOf, long[][] out, int from, int to, int total) {
    long[] jacs = new long[total * JAC];
    long[] s = new long[SCRATCH];
    long[] twice = new long[JAC];
    int idx = 0;
    for (int i = from; i < to; i++) {
      if (out[i] != null || endoOf[i] != null) {
        continue;
      }
      Affine p = ps[i];
      int first = idx * JAC;
      p.x.copyTo(jacs, first);
      p.y.copyTo(jacs, first + 4);
      FieldLimbs.setOne(jacs, first + 8);
      System.arraycopy(jacs, first, twice, 0, JAC);
      JacobianLimbs.dbl(twice, 0, s);
      idx++;
      for (int t = 1; t < tableSize(p); t++, idx++) {
        System.arraycopy(jacs, (idx - 1) * JAC, jacs, idx * JAC, JAC);
        JacobianLimbs.add(jacs, idx * JAC, twice, 0, s);
      }
    }
    long[] flat = JacobianLimbs.batchToAffine(jacs, total);
    idx = 0;
    for (int i = from; i < to; i++) {
      if (out[i] != null || endoOf[i] != null) {
        continue;
      }
      int size = tableSize(ps[i]);
      long[] table = java.util.Arrays.copyOfRange(flat, idx * AFF, (idx + size) * AFF);
      idx += size;
      ps[i].table = table;
      out[i] = table;
    }
  }

  private static int tableSize(Affine p) {
    return 1 << (p.window - 2);
  }

  /**
   * Width-w non-adjacent form, sparse: {position₀, digit₀, position₁, digit₁, …} for the non-zero
   * digits, lowest position first; digits are odd with |d| &lt; 2^(w−1), and k = Σ
   * digit·2^position.
   */
  static int[] wnaf(BigInteger k, int w) {
    long[] limbs = limbs(k);
    int end = k.bitLength() + w + 1;
    int[] out = new int[2 * (end / w + 2)];
    int width = 1 << w;
    int half = width >> 1;
    int carry = 0;
    int n = 0;
    int pos = 0;
    while (pos < end) {
      int window = carry + (int) (bits(limbs, pos) & (width - 1));
      if ((window & 1) == 0) {
        // digit 0 here, and at every following bit that keeps the window even: the zeros while no
        // carry is pending, the ones while one is (the carry moves on unchanged)
        long word = bits(limbs, pos);
        pos += Long.numberOfTrailingZeros(carry == 0 ? word : ~word);
        continue;
      }
      if (window < half) {
        carry = 0;
        out[n + 1] = window;
      } else {
        carry = 1;
        out[n + 1] = window - width;
      }
      out[n] = pos;
      n += 2;
      pos += w;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** One past the highest digit position of a sparse wNAF (0 if it has none). */
  static int length(int[] naf) {
    return naf.length == 0 ? 0 : naf[naf.length - 2] + 1;
  }

  /** The scalar's 64-bit limbs, little-endian, with zero limbs above so reads past the top work. */
  static long[] limbs(BigInteger k) {
    long[] out = new long[6];
    byte[] be = k.toByteArray();
    for (int i = 0; i < be.length && i < 40; i++) {
      out[i >>> 3] |= (be[be.length - 1 - i] & 0xFFL) << (8 * (i & 7));
    }
    return out;
  }

  /** The 64 bits of the scalar starting at bit position pos (pos &lt; 320). */
  static long bits(long[] limbs, int pos) {
    int i = pos >>> 6;
    int sh = pos & 63;
    return sh == 0 ? limbs[i] : (limbs[i] >>> sh) | (limbs[i + 1] << (64 - sh));
  }

  private Affine toAffine(long[] jac) {
    if (FieldLimbs.isZero(jac, 8)) {
      return identity;
    }
    long[] a = JacobianLimbs.batchToAffine(jac, 1);
    return new Affine(Fp.fromLimbs(a, 0), Fp.fromLimbs(a, 4), WINDOW);
  }
}
