package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The multiples of G in the verifier's generated table (scripts/compile.mjs) are what the verifier
 * takes them for: 2^i·G for i &lt; 64, then d·16^w·G for w &lt; 4 and d = 1..15. A wrong entry
 * would give a wrong V − t·G only for the thresholds that use it, so every entry is checked here
 * against an independent affine double-and-add.
 */
class GeneratorTableTest {

  static final BigInteger P =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");
  static final int MAX_NM = 128;
  static final int POWERS = 1 + 2 * MAX_NM;
  static final int DIGITS = POWERS + 64;

  @Test
  void everyMultipleOfGInTheTableIsRight() throws Exception {
    String source = Files.readString(Path.of("target", "contracts", "BulletproofGenerators.sol"));
    Matcher hex = Pattern.compile("hex\"([0-9a-f]+)\"").matcher(source);
    assertThat(hex.find()).isTrue();
    String table = hex.group(1);
    assertThat(table.length()).isEqualTo((DIGITS + 60) * 128);

    BigInteger[] g = {BigInteger.ONE, BigInteger.TWO};
    for (int i = 0; i < 64; i++) {
      assertThat(entry(table, POWERS + i))
          .as("2^%d·G", i)
          .isEqualTo(mul(g, BigInteger.ONE.shiftLeft(i)));
    }
    for (int w = 0; w < 4; w++) {
      for (int d = 1; d <= 15; d++) {
        BigInteger k = BigInteger.valueOf(d).shiftLeft(4 * w);
        assertThat(entry(table, DIGITS + w * 15 + d - 1))
            .as("%d·16^%d·G", d, w)
            .isEqualTo(mul(g, k));
      }
    }
  }

  static BigInteger[] entry(String table, int index) {
    String e = table.substring(index * 128, index * 128 + 128);
    return new BigInteger[] {
      new BigInteger(e.substring(0, 64), 16), new BigInteger(e.substring(64), 16)
    };
  }

  /** k·p by double-and-add in affine coordinates (k ≥ 1; no identity is reached for k &lt; r). */
  static BigInteger[] mul(BigInteger[] p, BigInteger k) {
    BigInteger[] acc = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      if (acc != null) {
        acc = add(acc, acc);
      }
      if (k.testBit(i)) {
        acc = acc == null ? p : add(acc, p);
      }
    }
    return acc;
  }

  static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
    BigInteger l =
        a[0].equals(b[0])
            ? BigInteger.valueOf(3).multiply(a[0].pow(2)).multiply(a[1].shiftLeft(1).modInverse(P))
            : b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P));
    l = l.mod(P);
    BigInteger x = l.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
    return new BigInteger[] {x, l.multiply(a[0].subtract(x)).subtract(a[1]).mod(P)};
  }
}
