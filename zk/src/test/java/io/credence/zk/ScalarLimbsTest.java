package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The F_r limb arithmetic agrees with BigInteger on random and edge values. */
class ScalarLimbsTest {

  private static final BigInteger R = ScalarField.R;
  private final Random random = new Random(1405);

  private List<BigInteger> samples() {
    List<BigInteger> out =
        new ArrayList<>(
            List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                R.subtract(BigInteger.ONE),
                R.subtract(BigInteger.TWO),
                R.shiftRight(1),
                BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(253)));
    for (int i = 0; i < 60; i++) {
      out.add(new BigInteger(254, random).mod(R));
    }
    return out;
  }

  @Test
  void arithmeticMatchesBigInteger() {
    List<BigInteger> xs = samples();
    long[] r = new long[4];
    for (BigInteger a : xs) {
      long[] la = ScalarLimbs.of(a);
      assertThat(ScalarLimbs.toBigInteger(la, 0)).as("round trip %s", a).isEqualTo(a);
      for (BigInteger b : xs) {
        long[] lb = ScalarLimbs.of(b);
        ScalarLimbs.mul(r, 0, la, 0, lb, 0);
        assertThat(ScalarLimbs.toBigInteger(r, 0))
            .as("%s·%s", a, b)
            .isEqualTo(a.multiply(b).mod(R));
        ScalarLimbs.add(r, 0, la, 0, lb, 0);
        assertThat(ScalarLimbs.toBigInteger(r, 0)).as("%s+%s", a, b).isEqualTo(a.add(b).mod(R));
        ScalarLimbs.sub(r, 0, la, 0, lb, 0);
        assertThat(ScalarLimbs.toBigInteger(r, 0))
            .as("%s−%s", a, b)
            .isEqualTo(a.subtract(b).mod(R));
      }
    }
  }

  @Test
  void resultsAreFullyReducedAndMayAliasInputs() {
    BigInteger max = R.subtract(BigInteger.ONE);
    long[] a = ScalarLimbs.of(max);
    ScalarLimbs.add(a, 0, a, 0, a, 0); // (r − 1) + (r − 1) = r − 2
    assertThat(ScalarLimbs.toBigInteger(a, 0)).isEqualTo(R.subtract(BigInteger.TWO));
    long[] one = ScalarLimbs.of(BigInteger.ONE);
    assertThat(one).containsExactly(ScalarLimbs.ONE);
    long[] x = ScalarLimbs.of(BigInteger.valueOf(7));
    ScalarLimbs.mul(x, 0, x, 0, x, 0);
    assertThat(ScalarLimbs.toBigInteger(x, 0)).isEqualTo(BigInteger.valueOf(49));
    long[] zero = ScalarLimbs.of(BigInteger.ZERO);
    ScalarLimbs.sub(zero, 0, zero, 0, one, 0);
    assertThat(ScalarLimbs.toBigInteger(zero, 0)).isEqualTo(max);
  }

  @Test
  void setReducesAnyInteger() {
    for (BigInteger v :
        List.of(
            R,
            R.add(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(300),
            BigInteger.valueOf(-5))) {
      assertThat(ScalarLimbs.toBigInteger(ScalarLimbs.of(v), 0)).as("%s", v).isEqualTo(v.mod(R));
    }
  }
}
