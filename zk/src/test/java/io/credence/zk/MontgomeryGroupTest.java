package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast backend must agree with Bouncy Castle on every operation. */
class MontgomeryGroupTest {

  private final CurveGroup fast = new MontgomeryGroup();
  private final CurveGroup bc = new BouncyCastleGroup();
  private final Random random = new Random(7);

  private BigInteger scalar() {
    return new BigInteger(254, random).mod(ScalarField.R);
  }

  private static void assertSame(GroupElement a, GroupElement b) {
    assertThat(a.isIdentity()).isEqualTo(b.isIdentity());
    if (!a.isIdentity()) {
      assertThat(a.x()).isEqualTo(b.x());
      assertThat(a.y()).isEqualTo(b.y());
    }
  }

  private GroupElement[] pair(BigInteger k) {
    return new GroupElement[] {fast.multiply(fast.generator(), k), bc.multiply(bc.generator(), k)};
  }

  @Test
  void fieldRoundTripsAndMultiplies() {
    for (int i = 0; i < 200; i++) {
      BigInteger a = new BigInteger(254, random).mod(CurveGroup.P);
      BigInteger b = new BigInteger(254, random).mod(CurveGroup.P);
      assertThat(Fp.of(a).toBigInteger()).isEqualTo(a);
      assertThat(Fp.mul(Fp.of(a), Fp.of(b)).toBigInteger())
          .isEqualTo(a.multiply(b).mod(CurveGroup.P));
      assertThat(Fp.add(Fp.of(a), Fp.of(b)).toBigInteger()).isEqualTo(a.add(b).mod(CurveGroup.P));
      assertThat(Fp.sub(Fp.of(a), Fp.of(b)).toBigInteger())
          .isEqualTo(a.subtract(b).mod(CurveGroup.P));
    }
    BigInteger pm1 = CurveGroup.P.subtract(BigInteger.ONE);
    assertThat(Fp.mul(Fp.of(pm1), Fp.of(pm1)).toBigInteger()).isEqualTo(BigInteger.ONE);
  }

  @Test
  void fieldEdgeCasesMatchBigInteger() {
    BigInteger p = CurveGroup.P;
    BigInteger[] edges = {
      BigInteger.ZERO,
      BigInteger.ONE,
      BigInteger.TWO,
      p.subtract(BigInteger.ONE),
      p.subtract(BigInteger.TWO),
      p.shiftRight(1),
      BigInteger.ONE.shiftLeft(64),
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(253)
    };
    for (BigInteger a : edges) {
      for (BigInteger b : edges) {
        assertThat(Fp.add(Fp.of(a), Fp.of(b)).toBigInteger()).isEqualTo(a.add(b).mod(p));
        assertThat(Fp.sub(Fp.of(a), Fp.of(b)).toBigInteger()).isEqualTo(a.subtract(b).mod(p));
        assertThat(Fp.mul(Fp.of(a), Fp.of(b)).toBigInteger()).isEqualTo(a.multiply(b).mod(p));
      }
      assertThat(Fp.neg(Fp.of(a)).toBigInteger()).isEqualTo(a.negate().mod(p));
      if (a.signum() != 0) {
        assertThat(Fp.inv(Fp.of(a)).toBigInteger()).isEqualTo(a.modInverse(p));
      }
    }
  }

  @Test
  void scalarMultiplicationMatchesBouncyCastle() {
    for (BigInteger k :
        new BigInteger[] {
          BigInteger.ONE, BigInteger.TWO, ScalarField.R.subtract(BigInteger.ONE), scalar(), scalar()
        }) {
      GroupElement[] p = pair(k);
      assertSame(p[0], p[1]);
    }
    assertThat(fast.multiply(fast.generator(), ScalarField.R).isIdentity()).isTrue();
  }

  @Test
  void addHandlesDoublingInverseAndIdentity() {
    GroupElement g = fast.generator();
    assertSame(fast.add(g, g), bc.add(bc.generator(), bc.generator()));
    assertThat(fast.add(g, fast.negate(g)).isIdentity()).isTrue();
    assertSame(fast.add(fast.identity(), g), bc.generator());
    assertSame(fast.add(g, fast.identity()), bc.generator());
  }

  @Test
  void msmMatchesBouncyCastle() {
    for (int size : new int[] {1, 2, 7, 33, 130}) {
      GroupElement[] fp = new GroupElement[size];
      GroupElement[] bp = new GroupElement[size];
      BigInteger[] ks = new BigInteger[size];
      for (int i = 0; i < size; i++) {
        BigInteger k = scalar();
        GroupElement[] p = pair(k);
        fp[i] = p[0];
        bp[i] = p[1];
        ks[i] = i % 5 == 0 ? ScalarField.R.subtract(BigInteger.valueOf(i + 1)) : scalar();
      }
      GroupElement expected = bc.multiScalarMultiply(bp, ks);
      assertSame(fast.multiScalarMultiply(fp, ks), expected);
      // cached tables are reused on the second call
      assertSame(fast.multiScalarMultiply(fp, ks), expected);
      // the bucket method (used from PIPPENGER_THRESHOLD terms on), forced at this size
      assertSame(((MontgomeryGroup) fast).multiScalarMultiplyWithBuckets(fp, ks), expected);
    }
  }

  @Test
  void pairwiseSumsHandleDoublingInverseAndIdentity() {
    GroupElement[] p = pair(scalar());
    GroupElement[] q = pair(scalar());
    GroupElement[] a = {p[0], p[0], p[0], fast.identity(), p[0], fast.identity()};
    GroupElement[] b = {q[0], p[0], fast.negate(p[0]), q[0], fast.identity(), fast.identity()};
    GroupElement[] expected = {
      bc.add(p[1], q[1]), bc.add(p[1], p[1]), bc.identity(), q[1], p[1], bc.identity()
    };
    GroupElement[] got = fast.addAll(a, b);
    for (int i = 0; i < a.length; i++) {
      assertSame(got[i], expected[i]);
    }
    assertThatThrownBy(() -> fast.addAll(a, new GroupElement[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void severalMsmsAtOnceMatchBouncyCastleOneByOne() {
    int size = 40;
    GroupElement[] fp = new GroupElement[size];
    GroupElement[] bp = new GroupElement[size];
    for (int i = 0; i < size; i++) {
      GroupElement[] p = pair(scalar());
      fp[i] = i % 3 == 0 ? fast.precomputedLarge(p[0]) : p[0];
      bp[i] = p[1];
    }
    BigInteger[] dense = new BigInteger[size];
    BigInteger[] sparse = new BigInteger[size]; // below the batched threshold
    BigInteger[] zero = new BigInteger[size];
    BigInteger[] cancelling = new BigInteger[size]; // k·P0 + (r − k)·P0 = identity
    for (int i = 0; i < size; i++) {
      dense[i] = scalar();
      sparse[i] = i < 3 ? scalar() : BigInteger.ZERO;
      zero[i] = BigInteger.ZERO;
      cancelling[i] = BigInteger.ZERO;
    }
    GroupElement[] fp2 = fp.clone();
    GroupElement[] bp2 = bp.clone();
    fp2[1] = fp2[0];
    bp2[1] = bp2[0];
    BigInteger k = scalar();
    cancelling[0] = k;
    cancelling[1] = ScalarField.R.subtract(k);
    BigInteger[][] sets = {dense, sparse, zero, dense.clone(), cancelling};
    GroupElement[] got = fast.multiScalarMultiplyAll(fp2, sets);
    assertThat(got).hasSize(sets.length);
    for (int m = 0; m < sets.length; m++) {
      assertSame(got[m], bc.multiScalarMultiply(bp2, sets[m]));
    }
    assertThat(got[2].isIdentity()).isTrue();
    assertThat(got[4].isIdentity()).isTrue();
  }

  @Test
  void fixedBasesWithSplitScalarsMatchBouncyCastle() {
    for (int size : new int[] {1, 3, 20}) {
      GroupElement[] fp = new GroupElement[size];
      GroupElement[] bp = new GroupElement[size];
      BigInteger[] ks = new BigInteger[size];
      for (int i = 0; i < size; i++) {
        GroupElement[] p = pair(scalar());
        fp[i] = i % 2 == 0 ? fast.precomputed(p[0]) : fast.precomputedLarge(p[0]);
        bp[i] = p[1];
        BigInteger k = scalar();
        ks[i] =
            switch (i % 4) {
              case 0 -> k;
              case 1 -> k.shiftRight(130); // below 2^128: no split
              case 2 -> BigInteger.ONE.shiftLeft(128).multiply(BigInteger.valueOf(i + 3)); // lo = 0
              default -> ScalarField.R.subtract(BigInteger.ONE);
            };
      }
      assertSame(fast.multiScalarMultiply(fp, ks), bc.multiScalarMultiply(bp, ks));
      assertSame(fast.multiScalarMultiply(fp, ks), bc.multiScalarMultiply(bp, ks)); // cached
    }
  }

  @Test
  void largeTableBasesWithScalarsInChunksMatchBouncyCastle() {
    // Only large-table bases: their scalars are cut into SPLIT_BITS chunks (empty chunks skipped).
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    for (int size : new int[] {1, 2, 5, 12}) {
      GroupElement[] fp = new GroupElement[size];
      GroupElement[] bp = new GroupElement[size];
      BigInteger[] ks = new BigInteger[size];
      for (int i = 0; i < size; i++) {
        GroupElement[] p = pair(scalar());
        fp[i] = fast.precomputedLarge(p[0]);
        bp[i] = p[1];
        ks[i] =
            switch (i % 6) {
              case 0 -> scalar();
              case 1 -> two64.subtract(BigInteger.ONE); // one chunk, not split
              case 2 -> two64; // only the second chunk
              case 3 -> BigInteger.ONE.shiftLeft(192).add(BigInteger.valueOf(5)); // middle empty
              case 4 -> ScalarField.R.subtract(BigInteger.ONE);
              default -> scalar().shiftRight(100);
            };
      }
      for (int round = 0; round < 2; round++) { // the second time with cached tables
        assertSame(fast.multiScalarMultiply(fp, ks), bc.multiScalarMultiply(bp, ks));
      }
    }
  }

  @Test
  void wideTableBasesMixedWithOtherWindowsMatchBouncyCastle() {
    // Wide (12-bit) bases alone (their scalars split in chunks), and mixed with large, small and
    // ordinary points (then split at 128 bits or by GLV), with edge scalars; 2047 is the wide
    // table's last entry.
    for (boolean mixed : new boolean[] {false, true}) {
      for (int size : new int[] {1, 4, 9, 30}) {
        GroupElement[] fp = new GroupElement[size];
        GroupElement[] bp = new GroupElement[size];
        BigInteger[] ks = new BigInteger[size];
        for (int i = 0; i < size; i++) {
          GroupElement[] p = pair(scalar());
          fp[i] =
              !mixed || i % 4 == 0
                  ? fast.precomputedWide(p[0])
                  : switch (i % 4) {
                    case 1 -> fast.precomputedLarge(p[0]);
                    case 2 -> fast.precomputed(p[0]);
                    default -> p[0];
                  };
          bp[i] = p[1];
          ks[i] =
              switch (i % 5) {
                case 0 -> scalar();
                case 1 -> ScalarField.R.subtract(BigInteger.ONE);
                case 2 -> BigInteger.ONE.shiftLeft(128); // only the upper half
                case 3 -> BigInteger.valueOf(2047);
                default -> BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
              };
        }
        for (int round = 0; round < 2; round++) { // the second time with cached tables
          assertSame(fast.multiScalarMultiply(fp, ks), bc.multiScalarMultiply(bp, ks));
        }
      }
    }
  }

  @Test
  void batchedColumnsHandleDoublingAndCancellingPairs() {
    // The same point twice with the same scalar puts equal entries in every column (doubling);
    // a point and its negation with the same scalar puts P and −P there (they cancel).
    int size = MontgomeryGroup.BATCHED_STRAUS_THRESHOLD + 2;
    for (int mode = 0; mode < 3; mode++) {
      GroupElement[] fp = new GroupElement[size];
      GroupElement[] bp = new GroupElement[size];
      BigInteger[] ks = new BigInteger[size];
      for (int i = 0; i < size; i++) {
        GroupElement[] p = pair(scalar());
        fp[i] = p[0];
        bp[i] = p[1];
        ks[i] = scalar();
      }
      fp[1] = mode == 0 ? fp[0] : fast.negate(fp[0]);
      bp[1] = mode == 0 ? bp[0] : bc.negate(bp[0]);
      ks[1] = ks[0];
      if (mode == 2) {
        // everything cancels: the result is the identity
        for (int i = 2; i < size; i += 2) {
          fp[i + 1] = fast.negate(fp[i]);
          bp[i + 1] = bc.negate(bp[i]);
          ks[i + 1] = ks[i];
        }
        assertThat(fast.multiScalarMultiply(fp, ks).isIdentity()).isTrue();
      }
      assertSame(fast.multiScalarMultiply(fp, ks), bc.multiScalarMultiply(bp, ks));
    }
  }

  @Test
  void wnafReconstructsTheScalar() {
    for (int i = 0; i < 400; i++) {
      BigInteger k =
          switch (i) {
            case 0 -> ScalarField.R.subtract(BigInteger.ONE);
            case 1 -> BigInteger.ONE.shiftLeft(200).subtract(BigInteger.ONE); // a long run of ones
            case 2 -> BigInteger.ONE.shiftLeft(200).add(BigInteger.ONE); // a long run of zeros
            default -> scalar().shiftRight(i % 130);
          };
      int w = 5 + i % 8;
      int[] naf = MontgomeryGroup.wnaf(k, w);
      BigInteger acc = BigInteger.ZERO;
      for (int j = 0; j < naf.length; j += 2) {
        assertThat(Math.abs(naf[j + 1]) % 2).isEqualTo(1);
        assertThat(Math.abs(naf[j + 1])).isLessThan(1 << (w - 1));
        if (j > 0) {
          assertThat(naf[j] - naf[j - 2]).isGreaterThanOrEqualTo(w); // non-adjacent
        }
        acc = acc.add(BigInteger.valueOf(naf[j + 1]).shiftLeft(naf[j]));
      }
      assertThat(acc).isEqualTo(k);
    }
  }

  @Test
  void rejectsPointsOffTheCurve() {
    assertThatThrownBy(() -> fast.fromAffine(BigInteger.ONE, BigInteger.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fast.fromAffine(CurveGroup.P, BigInteger.TWO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
