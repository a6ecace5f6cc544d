package io.credence.zk;

/**
 * Interleaved-wNAF multi-scalar multiplication with the additions batched: Σ_i k_i·P_i = Σ_b
 * 2^b·S_b where the column S_b is the sum of the table entries (±odd multiples of the P_i) that the
 * digits at bit b select. All columns are summed together in affine coordinates, pairwise, level by
 * level, with one field inversion per level shared by every pair (Montgomery's trick), so an
 * addition costs 5M + 1S plus 3M for the shared inversion instead of a mixed Jacobian addition's 7M
 * + 4S. Then S_b are combined by doubling, with one mixed addition per bit position.
 */
final class AffineColumns {

  private static final int AFF = JacobianLimbs.AFF;
  private static final int JAC = JacobianLimbs.JAC;

  private static final byte ADD = 0;
  private static final byte DOUBLE = 1;
  private static final byte CANCEL = 2;

  private AffineColumns() {}

  /**
   * The Jacobian sum for the given odd-multiple tables (affine limbs, 8 longs per entry) and sparse
   * wNAF digits ({@link MontgomeryGroup#wnaf}; {@code maxLen} is one past the highest position).
   */
  static long[] sum(long[][] tables, int[][] nafs, int count, int maxLen) {
    return sumAll(
        new long[][][] {tables}, new int[][][] {nafs}, new int[] {count}, new int[] {maxLen})[0];
  }

  /**
   * Several independent sums at once (as {@link #sum}, one per index of the arrays): their columns
   * are reduced together, so each level's inversion is shared by all of them.
   */
  static long[][] sumAll(long[][][] tables, int[][][] nafs, int[] counts, int[] maxLens) {
    int sets = counts.length;
    int[] first = new int[sets + 1]; // the sums' columns, one after the other
    for (int m = 0; m < sets; m++) {
      first[m + 1] = first[m] + maxLens[m];
    }
    int columns = first[sets];
    int[] start = new int[columns + 1];
    for (int m = 0; m < sets; m++) {
      for (int i = 0; i < counts[m]; i++) {
        int[] naf = nafs[m][i];
        for (int j = 0; j < naf.length; j += 2) {
          start[first[m] + naf[j] + 1]++;
        }
      }
    }
    for (int b = 0; b < columns; b++) {
      start[b + 1] += start[b];
    }
    int[] size = new int[columns];
    long[] pts = new long[start[columns] * AFF];
    for (int m = 0; m < sets; m++) {
      for (int i = 0; i < counts[m]; i++) {
        int[] naf = nafs[m][i];
        long[] table = tables[m][i];
        for (int j = 0; j < naf.length; j += 2) {
          int b = first[m] + naf[j];
          int d = naf[j + 1];
          int to = (start[b] + size[b]++) * AFF;
          int from = (Math.abs(d) >> 1) * AFF;
          FieldLimbs.copy(pts, to, table, from);
          if (d < 0) {
            FieldLimbs.neg(pts, to + 4, table, from + 4);
          } else {
            FieldLimbs.copy(pts, to + 4, table, from + 4);
          }
        }
      }
    }
    reduceColumns(pts, start, size, columns);
    long[][] accs = new long[sets][JAC];
    long[] s = new long[JacobianLimbs.SCRATCH];
    for (int m = 0; m < sets; m++) {
      long[] acc = accs[m];
      for (int b = first[m + 1] - 1; b >= first[m]; b--) {
        JacobianLimbs.dbl(acc, 0, s);
        for (int e = 0; e < size[b]; e++) {
          JacobianLimbs.madd(acc, 0, pts, (start[b] + e) * AFF, false, s);
        }
      }
    }
    return accs;
  }

  /**
   * A level with fewer pairs than this is left to the mixed additions: its inversion costs about 8
   * µs (a {@code BigInteger} inversion, the price of some 200 field multiplications), which a few
   * pairs do not repay. 24 and 96 measured the same within the noise of the benchmark machine.
   */
  static final int MIN_PAIRS = 24;

  /**
   * Sums the columns in place, level by level, while a level has at least {@link #MIN_PAIRS} pairs;
   * a column that cancels out becomes empty.
   */
  private static void reduceColumns(long[] pts, int[] start, int[] size, int columns) {
    int maxPairs = 0;
    for (int b = 0; b < columns; b++) {
      maxPairs += size[b] / 2;
    }
    long[] den = new long[maxPairs * 4];
    long[] prefix = new long[maxPairs * 4];
    byte[] kind = new byte[maxPairs];
    long[] t = new long[5 * 4];
    while (true) {
      // 1. the denominator of every pair's λ: x2 − x1, or 2·y1 to double, or 1 if P2 = −P1
      int pairs = 0;
      for (int b = 0; b < columns; b++) {
        for (int j = 0; j + 1 < size[b]; j += 2, pairs++) {
          int p1 = (start[b] + j) * AFF;
          int p2 = p1 + AFF;
          int k = pairs * 4;
          FieldLimbs.sub(den, k, pts, p2, pts, p1);
          kind[pairs] = ADD;
          if (FieldLimbs.isZero(den, k)) {
            if (FieldLimbs.equal(pts, p1 + 4, pts, p2 + 4)) {
              kind[pairs] = DOUBLE;
              FieldLimbs.dbl(den, k, pts, p1 + 4);
            } else {
              kind[pairs] = CANCEL;
              FieldLimbs.setOne(den, k);
            }
          }
        }
      }
      if (pairs < MIN_PAIRS) {
        return;
      }
      invertAll(den, prefix, pairs, t);
      // 2. the sums, written to the front of each column
      int k = 0;
      for (int b = 0; b < columns; b++) {
        int n = size[b];
        int out = 0;
        for (int j = 0; j + 1 < n; j += 2, k++) {
          if (kind[k] == CANCEL) {
            continue;
          }
          int p1 = (start[b] + j) * AFF;
          int p2 = p1 + AFF;
          int q = (start[b] + out++) * AFF;
          if (kind[k] == DOUBLE) {
            FieldLimbs.sqr(t, 0, pts, p1);
            FieldLimbs.dbl(t, 4, t, 0);
            FieldLimbs.add(t, 0, t, 0, t, 4); // 3·x1²
          } else {
            FieldLimbs.sub(t, 0, pts, p2 + 4, pts, p1 + 4); // y2 − y1
          }
          FieldLimbs.mul(t, 0, t, 0, den, k * 4); // λ
          FieldLimbs.sqr(t, 4, t, 0);
          FieldLimbs.sub(t, 4, t, 4, pts, p1);
          FieldLimbs.sub(t, 4, t, 4, pts, p2); // x3 = λ² − x1 − x2
          FieldLimbs.sub(t, 8, pts, p1, t, 4);
          FieldLimbs.mul(t, 8, t, 0, t, 8);
          FieldLimbs.sub(t, 8, t, 8, pts, p1 + 4); // y3 = λ·(x1 − x3) − y1
          FieldLimbs.copy(pts, q, t, 4);
          FieldLimbs.copy(pts, q + 4, t, 8);
        }
        if ((n & 1) == 1) {
          System.arraycopy(pts, (start[b] + n - 1) * AFF, pts, (start[b] + out++) * AFF, AFF);
        }
        size[b] = out;
      }
    }
  }

  /** Replaces den[0 … count) by their inverses with one field inversion (none is zero). */
  private static void invertAll(long[] den, long[] prefix, int count, long[] t) {
    FieldLimbs.setOne(t, 12);
    for (int k = 0; k < count; k++) {
      FieldLimbs.copy(prefix, k * 4, t, 12);
      FieldLimbs.mul(t, 12, t, 12, den, k * 4);
    }
    Fp.inv(Fp.fromLimbs(t, 12)).copyTo(t, 12); // (Π den)⁻¹
    for (int k = count - 1; k >= 0; k--) {
      FieldLimbs.mul(t, 16, t, 12, prefix, k * 4); // den_k⁻¹
      FieldLimbs.mul(t, 12, t, 12, den, k * 4);
      FieldLimbs.copy(den, k * 4, t, 16);
    }
  }
}
