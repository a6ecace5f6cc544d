package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The GLV constants are what they claim, and the split MSM agrees with Bouncy Castle. */
class GlvTest {

  private static final BigInteger R = ScalarField.R;
  private static final BigInteger P = CurveGroup.P;
  private static final BigInteger BOUND = BigInteger.ONE.shiftLeft(128);
  private final Random random = new Random(31);
  private final CurveGroup bc = new BouncyCastleGroup();
  private final CurveGroup fast = new MontgomeryGroup();

  @Test
  void lambdaAndBetaAreNonTrivialCubeRootsOfUnityThatAgreeOnTheCurve() {
    BigInteger beta = Glv.BETA.toBigInteger();
    assertThat(Glv.LAMBDA).isNotEqualTo(BigInteger.ONE);
    assertThat(Glv.LAMBDA.modPow(BigInteger.valueOf(3), R)).isEqualTo(BigInteger.ONE);
    assertThat(beta).isNotEqualTo(BigInteger.ONE);
    assertThat(beta.modPow(BigInteger.valueOf(3), P)).isEqualTo(BigInteger.ONE);
    for (int i = 0; i < 5; i++) {
      GroupElement q = bc.multiply(bc.generator(), new BigInteger(254, random).mod(R));
      GroupElement lq = bc.multiply(q, Glv.LAMBDA);
      assertThat(lq.x()).isEqualTo(q.x().multiply(beta).mod(P));
      assertThat(lq.y()).isEqualTo(q.y());
    }
  }

  @Test
  void basisVectorsAreShortLatticeVectorsOfDeterminantR() {
    assertThat(Glv.A1.add(Glv.B1.multiply(Glv.LAMBDA)).mod(R)).isZero();
    assertThat(Glv.A2.add(Glv.B2.multiply(Glv.LAMBDA)).mod(R)).isZero();
    assertThat(Glv.A1.multiply(Glv.B2).subtract(Glv.A2.multiply(Glv.B1))).isEqualTo(R);
    for (BigInteger v : new BigInteger[] {Glv.A1, Glv.B1, Glv.A2, Glv.B2}) {
      assertThat(v.abs().bitLength()).isLessThanOrEqualTo(128);
    }
  }

  @Test
  void decompositionReconstructsTheScalarWithHalves() {
    List<BigInteger> ks =
        new ArrayList<>(
            List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                R.subtract(BigInteger.ONE),
                R.shiftRight(1),
                Glv.LAMBDA,
                R.subtract(Glv.LAMBDA),
                BOUND,
                BOUND.subtract(BigInteger.ONE)));
    for (int i = 0; i < 2000; i++) {
      ks.add(new BigInteger(254, random).mod(R));
    }
    for (BigInteger k : ks) {
      BigInteger[] split = Glv.decompose(k);
      assertThat(split[0].add(split[1].multiply(Glv.LAMBDA)).mod(R)).as("k = %s", k).isEqualTo(k);
      assertThat(split[0].abs()).as("|k1| for %s", k).isLessThan(BOUND);
      assertThat(split[1].abs()).as("|k2| for %s", k).isLessThan(BOUND);
    }
  }

  @Test
  void splitScalarsOnOrdinaryPointsMatchBouncyCastle() {
    BigInteger[] special = {
      Glv.LAMBDA, // k1 = 0 or k2 = ±1
      R.subtract(Glv.LAMBDA),
      R.subtract(BigInteger.ONE),
      BOUND, // just above the split threshold
      BOUND.add(BigInteger.ONE),
      BOUND.subtract(BigInteger.ONE), // not split
      Glv.LAMBDA.multiply(BigInteger.valueOf(5)).mod(R)
    };
    for (int size : new int[] {1, 2, special.length, 40}) {
      GroupElement[] fp = new GroupElement[size];
      GroupElement[] bp = new GroupElement[size];
      BigInteger[] ks = new BigInteger[size];
      for (int i = 0; i < size; i++) {
        BigInteger s = new BigInteger(254, random).mod(R);
        fp[i] = fast.multiply(fast.generator(), s);
        bp[i] = bc.multiply(bc.generator(), s);
        ks[i] = i < special.length ? special[i] : new BigInteger(254, random).mod(R);
      }
      GroupElement expected = bc.multiScalarMultiply(bp, ks);
      for (int round = 0; round < 2; round++) { // the second time with cached tables
        GroupElement got = fast.multiScalarMultiply(fp, ks);
        assertThat(got.x()).as("size %d", size).isEqualTo(expected.x());
        assertThat(got.y()).isEqualTo(expected.y());
      }
    }
    // the same point twice, and P with −P: φ(P)'s table shared or negated
    GroupElement q = fast.multiply(fast.generator(), BigInteger.valueOf(12345));
    GroupElement[] pts = {q, q, fast.negate(q)};
    BigInteger[] ks = {Glv.LAMBDA, R.subtract(BigInteger.TWO), Glv.LAMBDA};
    GroupElement got = fast.multiScalarMultiply(pts, ks);
    GroupElement bq = bc.multiply(bc.generator(), BigInteger.valueOf(12345));
    GroupElement expected = bc.multiply(bq, R.subtract(BigInteger.TWO));
    assertThat(got.x()).isEqualTo(expected.x());
    assertThat(got.y()).isEqualTo(expected.y());
  }
}
