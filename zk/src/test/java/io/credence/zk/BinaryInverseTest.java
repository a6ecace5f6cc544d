package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binary-GCD inversion agrees with {@link BigInteger#modInverse} for both moduli. */
class BinaryInverseTest {

  private final Random random = new Random(1404);

  /** Edge values (1, 2, m − 1, m − 2, powers of two, sparse and dense limbs) and random ones. */
  private List<BigInteger> samples(BigInteger m) {
    List<BigInteger> out =
        new ArrayList<>(
            List.of(
                BigInteger.ONE,
                BigInteger.TWO,
                BigInteger.valueOf(3),
                m.subtract(BigInteger.ONE),
                m.subtract(BigInteger.TWO),
                m.shiftRight(1),
                m.shiftRight(1).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(31),
                BigInteger.ONE.shiftLeft(63),
                BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(253),
                BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE)));
    for (int bits : new int[] {8, 32, 62, 63, 64, 65, 100, 127, 128, 129, 200}) {
      out.add(new BigInteger(bits, random).setBit(bits - 1));
    }
    for (int i = 0; i < 3000; i++) {
      BigInteger x = new BigInteger(254, random).mod(m);
      out.add(x.signum() == 0 ? BigInteger.ONE : x);
    }
    return out;
  }

  private static BigInteger inverse(BigInteger x, BinaryInverse.Modulus mod) {
    long[] l = MontgomeryGroup.limbs(x);
    long[] r = new long[4];
    BinaryInverse.invert(l, 0, mod, r, 0);
    return BinaryInverse.toBigInteger(r);
  }

  @Test
  void invertsModuloPLikeBigInteger() {
    for (BigInteger x : samples(CurveGroup.P)) {
      assertThat(inverse(x, BinaryInverse.P))
          .as("1/%s mod p", x)
          .isEqualTo(x.modInverse(CurveGroup.P));
    }
  }

  @Test
  void invertsModuloRLikeBigInteger() {
    for (BigInteger x : samples(ScalarField.R)) {
      assertThat(inverse(x, BinaryInverse.R))
          .as("1/%s mod r", x)
          .isEqualTo(x.modInverse(ScalarField.R));
      assertThat(ScalarField.inv(x)).isEqualTo(x.modInverse(ScalarField.R));
    }
  }

  @Test
  void fieldInverseInMontgomeryFormMatchesBigInteger() {
    for (BigInteger x : samples(CurveGroup.P)) {
      assertThat(Fp.inv(Fp.of(x)).toBigInteger())
          .as("Fp 1/%s", x)
          .isEqualTo(x.modInverse(CurveGroup.P));
    }
  }

  @Test
  void theOutputMayAliasTheInput() {
    BigInteger x = new BigInteger(250, random);
    long[] l = MontgomeryGroup.limbs(x);
    BinaryInverse.invert(l, 0, BinaryInverse.P, l, 0);
    assertThat(BinaryInverse.toBigInteger(java.util.Arrays.copyOf(l, 4)))
        .isEqualTo(x.modInverse(CurveGroup.P));
  }

  @Test
  void zeroHasNoInverse() {
    assertThatThrownBy(() -> BinaryInverse.invert(new long[4], 0, BinaryInverse.P, new long[4], 0))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> ScalarField.inv(BigInteger.ZERO))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> ScalarField.inv(ScalarField.R))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void reducesScalarsOutsideTheField() {
    BigInteger x = BigInteger.valueOf(12345);
    assertThat(ScalarField.inv(x.add(ScalarField.R))).isEqualTo(x.modInverse(ScalarField.R));
    assertThat(ScalarField.inv(x.negate())).isEqualTo(x.negate().modInverse(ScalarField.R));
  }

  @Test
  void modulusConstantsAreRight() {
    for (BinaryInverse.Modulus m : List.of(BinaryInverse.P, BinaryInverse.R)) {
      BigInteger low = BigInteger.valueOf(m.negInv()).multiply(m.value()).add(BigInteger.ONE);
      assertThat(low.mod(BigInteger.ONE.shiftLeft(64))).as("m·(−m⁻¹) ≡ −1").isZero();
    }
    assertThat(BinaryInverse.P.negInv()).isEqualTo(FieldLimbs.INV);
  }
}
