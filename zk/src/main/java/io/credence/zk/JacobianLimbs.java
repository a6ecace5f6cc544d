package io.credence.zk;

/**
 * BN254 G1 formulas on mutable limb arrays ({@link FieldLimbs}): a Jacobian point (X, Y, Z) ↦
 * (X/Z², Y/Z³) is {@value #JAC} longs at an offset (Z = 0 is the identity, so a zeroed array is the
 * identity); an affine point (x, y) is {@value #AFF} longs. Every formula works in place on its
 * first operand and keeps its temporaries in a caller-supplied scratch array of {@value #SCRATCH}
 * longs, so the multi-scalar multiplication loops allocate nothing.
 */
final class JacobianLimbs {

  static final int JAC = 12;
  static final int AFF = 8;
  static final int SCRATCH = 11 * 4;

  // Scratch slots (offsets into the scratch array).
  private static final int T0 = 0;
  private static final int T1 = 4;
  private static final int T2 = 8;
  private static final int T3 = 12;
  private static final int T4 = 16;
  private static final int T5 = 20;
  private static final int T6 = 24;
  private static final int T7 = 28;
  private static final int T8 = 32;
  private static final int T9 = 36;
  private static final int T10 = 40;

  private JacobianLimbs() {}

  static boolean isIdentity(long[] p, int po) {
    return FieldLimbs.isZero(p, po + 8);
  }

  /** p = 2p (dbl-2009-l, a = 0: 2M + 5S). The identity stays the identity (Z3 = 2·Y·Z = 0). */
  static void dbl(long[] p, int po, long[] s) {
    int x = po;
    int y = po + 4;
    int z = po + 8;
    FieldLimbs.sqr(s, T0, p, x); // A = X²
    FieldLimbs.sqr(s, T1, p, y); // B = Y²
    FieldLimbs.mul(s, T2, p, y, p, z);
    FieldLimbs.dbl(p, z, s, T2); // Z3 = 2·Y·Z
    FieldLimbs.sqr(s, T2, s, T1); // C = B²
    FieldLimbs.add(s, T3, p, x, s, T1);
    FieldLimbs.sqr(s, T3, s, T3);
    FieldLimbs.sub(s, T3, s, T3, s, T0);
    FieldLimbs.sub(s, T3, s, T3, s, T2);
    FieldLimbs.dbl(s, T3, s, T3); // D = 2·((X + B)² − A − C)
    FieldLimbs.dbl(s, T4, s, T0);
    FieldLimbs.add(s, T4, s, T4, s, T0); // E = 3A
    FieldLimbs.sqr(s, T5, s, T4); // F = E²
    FieldLimbs.dbl(s, T6, s, T3);
    FieldLimbs.sub(p, x, s, T5, s, T6); // X3 = F − 2D
    FieldLimbs.sub(s, T6, s, T3, p, x);
    FieldLimbs.mul(s, T6, s, T4, s, T6); // E·(D − X3)
    FieldLimbs.dbl(s, T2, s, T2);
    FieldLimbs.dbl(s, T2, s, T2);
    FieldLimbs.dbl(s, T2, s, T2); // 8C
    FieldLimbs.sub(p, y, s, T6, s, T2); // Y3 = E·(D − X3) − 8C
  }

  /**
   * p += (x2, ±y2), the second operand affine at {@code q[qo …]} and negated when {@code negate}
   * (madd-2007-bl: 7M + 4S). Handles p = identity, p = q (doubling) and p = −q (identity).
   */
  static void madd(long[] p, int po, long[] q, int qo, boolean negate, long[] s) {
    int x = po;
    int y = po + 4;
    int z = po + 8;
    if (negate) {
      FieldLimbs.neg(s, T10, q, qo + 4);
    } else {
      FieldLimbs.copy(s, T10, q, qo + 4);
    }
    if (isIdentity(p, po)) {
      FieldLimbs.copy(p, x, q, qo);
      FieldLimbs.copy(p, y, s, T10);
      FieldLimbs.setOne(p, z);
      return;
    }
    FieldLimbs.sqr(s, T0, p, z); // Z1Z1
    FieldLimbs.mul(s, T1, q, qo, s, T0); // U2 = x2·Z1Z1
    FieldLimbs.mul(s, T2, s, T10, p, z);
    FieldLimbs.mul(s, T2, s, T2, s, T0); // S2 = y2·Z1·Z1Z1
    FieldLimbs.sub(s, T3, s, T1, p, x); // H = U2 − X1
    FieldLimbs.sub(s, T4, s, T2, p, y);
    FieldLimbs.dbl(s, T4, s, T4); // r = 2·(S2 − Y1)
    if (FieldLimbs.isZero(s, T3)) {
      if (FieldLimbs.isZero(s, T4)) {
        dbl(p, po, s);
      } else {
        FieldLimbs.setZero(p, z);
      }
      return;
    }
    FieldLimbs.sqr(s, T5, s, T3); // HH = H²
    FieldLimbs.dbl(s, T6, s, T5);
    FieldLimbs.dbl(s, T6, s, T6); // I = 4·HH
    FieldLimbs.mul(s, T7, s, T3, s, T6); // J = H·I
    FieldLimbs.mul(s, T8, p, x, s, T6); // V = X1·I
    // Z3 = (Z1 + H)² − Z1Z1 − HH, before Z1 is overwritten
    FieldLimbs.add(p, z, p, z, s, T3);
    FieldLimbs.sqr(p, z, p, z);
    FieldLimbs.sub(p, z, p, z, s, T0);
    FieldLimbs.sub(p, z, p, z, s, T5);
    // X3 = r² − J − 2V
    FieldLimbs.sqr(s, T9, s, T4);
    FieldLimbs.sub(s, T9, s, T9, s, T7);
    FieldLimbs.sub(s, T9, s, T9, s, T8);
    FieldLimbs.sub(p, x, s, T9, s, T8);
    // Y3 = r·(V − X3) − 2·Y1·J
    FieldLimbs.sub(s, T8, s, T8, p, x);
    FieldLimbs.mul(s, T8, s, T4, s, T8);
    FieldLimbs.mul(s, T7, p, y, s, T7);
    FieldLimbs.dbl(s, T7, s, T7);
    FieldLimbs.sub(p, y, s, T8, s, T7);
  }

  /** p += q, both Jacobian (add-2007-bl: 11M + 5S), with every special case. */
  static void add(long[] p, int po, long[] q, int qo, long[] s) {
    if (isIdentity(q, qo)) {
      return;
    }
    if (isIdentity(p, po)) {
      System.arraycopy(q, qo, p, po, JAC);
      return;
    }
    int x = po;
    int y = po + 4;
    int z = po + 8;
    FieldLimbs.sqr(s, T0, p, z); // Z1Z1
    FieldLimbs.sqr(s, T1, q, qo + 8); // Z2Z2
    FieldLimbs.mul(s, T2, p, x, s, T1); // U1 = X1·Z2Z2
    FieldLimbs.mul(s, T3, q, qo, s, T0); // U2 = X2·Z1Z1
    FieldLimbs.mul(s, T4, p, y, q, qo + 8);
    FieldLimbs.mul(s, T4, s, T4, s, T1); // S1 = Y1·Z2·Z2Z2
    FieldLimbs.mul(s, T5, q, qo + 4, p, z);
    FieldLimbs.mul(s, T5, s, T5, s, T0); // S2 = Y2·Z1·Z1Z1
    FieldLimbs.sub(s, T3, s, T3, s, T2); // H = U2 − U1
    FieldLimbs.sub(s, T5, s, T5, s, T4);
    FieldLimbs.dbl(s, T5, s, T5); // r = 2·(S2 − S1)
    if (FieldLimbs.isZero(s, T3)) {
      if (FieldLimbs.isZero(s, T5)) {
        dbl(p, po, s);
      } else {
        FieldLimbs.setZero(p, z);
      }
      return;
    }
    FieldLimbs.dbl(s, T6, s, T3);
    FieldLimbs.sqr(s, T6, s, T6); // I = (2H)²
    FieldLimbs.mul(s, T7, s, T3, s, T6); // J = H·I
    FieldLimbs.mul(s, T8, s, T2, s, T6); // V = U1·I
    // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
    FieldLimbs.add(p, z, p, z, q, qo + 8);
    FieldLimbs.sqr(p, z, p, z);
    FieldLimbs.sub(p, z, p, z, s, T0);
    FieldLimbs.sub(p, z, p, z, s, T1);
    FieldLimbs.mul(p, z, p, z, s, T3);
    // X3 = r² − J − 2V
    FieldLimbs.sqr(s, T9, s, T5);
    FieldLimbs.sub(s, T9, s, T9, s, T7);
    FieldLimbs.sub(s, T9, s, T9, s, T8);
    FieldLimbs.sub(p, x, s, T9, s, T8);
    // Y3 = r·(V − X3) − 2·S1·J
    FieldLimbs.sub(s, T8, s, T8, p, x);
    FieldLimbs.mul(s, T8, s, T5, s, T8);
    FieldLimbs.mul(s, T7, s, T4, s, T7);
    FieldLimbs.dbl(s, T7, s, T7);
    FieldLimbs.sub(p, y, s, T8, s, T7);
  }

  /**
   * Affine limbs (8 longs each) of {@code count} Jacobian points with one inversion (Montgomery's
   * trick). The identity comes out as (0, 0).
   */
  static long[] batchToAffine(long[] jacs, int count) {
    long[] prefix = new long[count * 4];
    long[] acc = new long[4];
    FieldLimbs.setOne(acc, 0);
    for (int i = 0; i < count; i++) {
      FieldLimbs.copy(prefix, i * 4, acc, 0);
      if (!isIdentity(jacs, i * JAC)) {
        FieldLimbs.mul(acc, 0, acc, 0, jacs, i * JAC + 8);
      }
    }
    Fp.inv(Fp.fromLimbs(acc, 0)).copyTo(acc, 0); // acc = (Π Z_i)⁻¹
    long[] out = new long[count * AFF];
    long[] zi = new long[4];
    long[] zi2 = new long[4];
    for (int i = count - 1; i >= 0; i--) {
      int j = i * JAC;
      if (isIdentity(jacs, j)) {
        continue;
      }
      FieldLimbs.mul(zi, 0, acc, 0, prefix, i * 4); // Z_i⁻¹
      FieldLimbs.mul(acc, 0, acc, 0, jacs, j + 8);
      FieldLimbs.sqr(zi2, 0, zi, 0);
      FieldLimbs.mul(out, i * AFF, jacs, j, zi2, 0);
      FieldLimbs.mul(zi2, 0, zi2, 0, zi, 0);
      FieldLimbs.mul(out, i * AFF + 4, jacs, j + 4, zi2, 0);
    }
    return out;
  }
}
