package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mutable limb arithmetic and formulas agree with BigInteger and Bouncy Castle. */
class FieldLimbsTest {

  private static final BigInteger P = CurveGroup.P;
  private final Random random = new Random(14);

  private List<BigInteger> samples() {
    List<BigInteger> out =
        new ArrayList<>(
            List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                P.subtract(BigInteger.ONE),
                P.subtract(BigInteger.TWO),
                P.shiftRight(1),
                BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(253)));
    for (int i = 0; i < 60; i++) {
      out.add(new BigInteger(254, random).mod(P));
    }
    return out;
  }

  private static long[] limbs(BigInteger v) {
    long[] a = new long[4];
    Fp.of(v).copyTo(a, 0);
    return a;
  }

  private static BigInteger value(long[] a, int off) {
    return Fp.fromLimbs(a, off).toBigInteger();
  }

  @Test
  void arithmeticMatchesBigIntegerOnRandomAndEdgeInputs() {
    List<BigInteger> xs = samples();
    long[] r = new long[4];
    for (BigInteger a : xs) {
      long[] la = limbs(a);
      FieldLimbs.sqr(r, 0, la, 0);
      assertThat(value(r, 0)).as("%s²", a).isEqualTo(a.multiply(a).mod(P));
      FieldLimbs.neg(r, 0, la, 0);
      assertThat(value(r, 0)).as("−%s", a).isEqualTo(a.negate().mod(P));
      FieldLimbs.dbl(r, 0, la, 0);
      assertThat(value(r, 0)).isEqualTo(a.shiftLeft(1).mod(P));
      for (BigInteger b : xs) {
        long[] lb = limbs(b);
        FieldLimbs.mul(r, 0, la, 0, lb, 0);
        assertThat(value(r, 0)).as("%s·%s", a, b).isEqualTo(a.multiply(b).mod(P));
        FieldLimbs.add(r, 0, la, 0, lb, 0);
        assertThat(value(r, 0)).isEqualTo(a.add(b).mod(P));
        FieldLimbs.sub(r, 0, la, 0, lb, 0);
        assertThat(value(r, 0)).isEqualTo(a.subtract(b).mod(P));
      }
    }
  }

  /** The limbs of a's Montgomery form plus p: the second representation of a in [0, 2p). */
  private static long[] plusP(BigInteger a) {
    BigInteger mont = a.shiftLeft(256).mod(P).add(P);
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = mont.shiftRight(64 * i).longValue();
    }
    return l;
  }

  private static BigInteger raw(long[] l) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(l[i])));
    }
    return v;
  }

  @Test
  void lazilyReducedInputsGiveTheSameValuesAndOutputsStayBelowTwoP() {
    List<BigInteger> xs = samples();
    BigInteger twoP = P.shiftLeft(1);
    long[] r = new long[4];
    for (BigInteger a : xs.subList(0, 30)) {
      long[] la = plusP(a);
      assertThat(FieldLimbs.isZero(la, 0)).as("isZero(%s + p)", a).isEqualTo(a.signum() == 0);
      assertThat(FieldLimbs.equal(la, 0, limbs(a), 0)).as("%s + p ≡ %s", a, a).isTrue();
      assertThat(FieldLimbs.equal(limbs(a), 0, la, 0)).isTrue();
      FieldLimbs.neg(r, 0, la, 0);
      assertThat(raw(r)).isLessThan(twoP);
      assertThat(value(r, 0)).isEqualTo(a.negate().mod(P));
      for (BigInteger b : xs.subList(0, 30)) {
        long[] lb = plusP(b);
        assertThat(FieldLimbs.equal(la, 0, lb, 0)).isEqualTo(a.equals(b));
        FieldLimbs.mul(r, 0, la, 0, lb, 0);
        assertThat(raw(r)).as("%s·%s below 2p", a, b).isLessThan(twoP);
        assertThat(value(r, 0)).isEqualTo(a.multiply(b).mod(P));
        FieldLimbs.add(r, 0, la, 0, lb, 0);
        assertThat(raw(r)).isLessThan(twoP);
        assertThat(value(r, 0)).isEqualTo(a.add(b).mod(P));
        FieldLimbs.sub(r, 0, la, 0, limbs(b), 0);
        assertThat(raw(r)).isLessThan(twoP);
        assertThat(value(r, 0)).isEqualTo(a.subtract(b).mod(P));
        FieldLimbs.sub(r, 0, limbs(a), 0, lb, 0);
        assertThat(raw(r)).isLessThan(twoP);
        assertThat(value(r, 0)).isEqualTo(a.subtract(b).mod(P));
      }
    }
    // the largest lazily reduced value, 2p − 1 (the element whose Montgomery form is p − 1),
    // squared
    BigInteger m = P.subtract(BigInteger.ONE).multiply(BigInteger.ONE.shiftLeft(256).modInverse(P));
    long[] top = plusP(m.mod(P));
    assertThat(raw(top)).isEqualTo(twoP.subtract(BigInteger.ONE));
    FieldLimbs.sqr(r, 0, top, 0);
    assertThat(raw(r)).isLessThan(twoP);
    assertThat(value(r, 0)).isEqualTo(m.multiply(m).mod(P));
  }

  @Test
  void outputMayAliasAnInput() {
    BigInteger a = new BigInteger(254, random).mod(P);
    long[] la = limbs(a);
    FieldLimbs.mul(la, 0, la, 0, la, 0);
    FieldLimbs.sqr(la, 0, la, 0);
    assertThat(value(la, 0)).isEqualTo(a.pow(4).mod(P));
  }

  private static long[] jac(GroupElement p) {
    long[] j = new long[JacobianLimbs.JAC];
    if (!p.isIdentity()) {
      Fp.of(p.x()).copyTo(j, 0);
      Fp.of(p.y()).copyTo(j, 4);
      FieldLimbs.setOne(j, 8);
    }
    return j;
  }

  private static void assertPoint(long[] jac, GroupElement expected) {
    long[] a = JacobianLimbs.batchToAffine(jac, 1);
    if (expected.isIdentity()) {
      assertThat(JacobianLimbs.isIdentity(jac, 0)).isTrue();
      return;
    }
    assertThat(JacobianLimbs.isIdentity(jac, 0)).isFalse();
    assertThat(value(a, 0)).isEqualTo(expected.x());
    assertThat(value(a, 4)).isEqualTo(expected.y());
  }

  @Test
  void formulasMatchBouncyCastleIncludingDoublingInverseAndIdentity() {
    CurveGroup bc = new BouncyCastleGroup();
    long[] s = new long[JacobianLimbs.SCRATCH];
    for (int i = 0; i < 20; i++) {
      GroupElement p = bc.multiply(bc.generator(), new BigInteger(250, random));
      GroupElement q = i % 4 == 0 ? p : bc.multiply(bc.generator(), new BigInteger(250, random));
      // madd: p + q, p + (−q) with the negation flag, identity + q
      long[] acc = jac(p);
      long[] qa = jac(q);
      JacobianLimbs.madd(acc, 0, qa, 0, false, s);
      assertPoint(acc, bc.add(p, q));
      acc = jac(p);
      JacobianLimbs.madd(acc, 0, qa, 0, true, s);
      assertPoint(acc, bc.add(p, bc.negate(q)));
      acc = new long[JacobianLimbs.JAC];
      JacobianLimbs.madd(acc, 0, qa, 0, false, s);
      assertPoint(acc, q);
      // Jacobian add with a non-trivial Z on both sides
      long[] p2 = jac(p);
      JacobianLimbs.dbl(p2, 0, s);
      long[] q2 = jac(q);
      JacobianLimbs.dbl(q2, 0, s);
      JacobianLimbs.add(p2, 0, q2, 0, s);
      assertPoint(p2, bc.add(bc.add(p, p), bc.add(q, q)));
      // doubling inside add, and P + (−P)
      long[] d = jac(p);
      JacobianLimbs.add(d, 0, jac(p), 0, s);
      assertPoint(d, bc.add(p, p));
      long[] z = jac(p);
      JacobianLimbs.add(z, 0, jac(bc.negate(p)), 0, s);
      assertPoint(z, bc.identity());
      // identity on either side; doubling the identity
      long[] id = new long[JacobianLimbs.JAC];
      JacobianLimbs.add(id, 0, jac(q), 0, s);
      assertPoint(id, q);
      long[] keep = jac(q);
      JacobianLimbs.add(keep, 0, new long[JacobianLimbs.JAC], 0, s);
      assertPoint(keep, q);
      long[] none = new long[JacobianLimbs.JAC];
      JacobianLimbs.dbl(none, 0, s);
      assertPoint(none, bc.identity());
    }
  }

  @Test
  void signedDigitsReconstructTheScalar() {
    for (int i = 0; i < 200; i++) {
      BigInteger k = i == 0 ? ScalarField.R.subtract(BigInteger.ONE) : new BigInteger(254, random);
      int c = 4 + i % 13;
      int windows = (256 + c - 1) / c + 1;
      int[] d = new int[windows];
      MontgomeryGroup.signedDigits(k, c, windows, d, 0);
      BigInteger acc = BigInteger.ZERO;
      for (int w = windows - 1; w >= 0; w--) {
        assertThat(Math.abs(d[w])).isLessThanOrEqualTo(1 << (c - 1));
        acc = acc.shiftLeft(c).add(BigInteger.valueOf(d[w]));
      }
      assertThat(acc).as("k = %s, c = %d", k, c).isEqualTo(k);
    }
  }
}
