package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pins the generator derivation documented in docs/zk-protocol.md §3. */
class GeneratorsTest {

  private static void assertPoint(GroupElement p, String x, String y) {
    assertThat(p.x()).isEqualTo(new BigInteger(x));
    assertThat(p.y()).isEqualTo(new BigInteger(y));
  }

  @Test
  void valueBaseIsTheStandardGenerator() {
    assertPoint(Generators.G, "1", "2");
  }

  @Test
  void blindingBaseIsPinned() {
    assertPoint(
        Generators.H,
        "12939634515463343601885665673198823746128752411091097591077623135283887720022",
        "12219322791872335391143371913769167213760211865520137212471128210405646381192");
  }

  @Test
  void firstVectorGeneratorsArePinned() {
    GroupElement[] g = Generators.gVector(2);
    GroupElement[] h = Generators.hVector(2);
    assertPoint(
        g[0],
        "6134915442472068380611621003831345827245674079824346357356441561588807925962",
        "12911439971017797713169140632753666139573233846673019293040388572563687762794");
    assertPoint(
        h[0],
        "19425353986941238331206354854439579771047842055997984768603545325016071556822",
        "6147649567144229500241794652509521972996267599990792639736371516274971981492");
    assertPoint(
        g[1],
        "13452949686672279727296607707095431009574378331446941826965766984864440895008",
        "15975327573322994101743244726459361104603933616212257061454263080400467993856");
    assertPoint(
        h[1],
        "1197249676121850241395119462294447286395924875217117656903578628697988957503",
        "2031522108362878183607405226733488353777502478753287366254527287543904919506");
  }

  @Test
  void generatorsAreEvenRootsAndDistinct() {
    GroupElement[] g = Generators.gVector(64);
    GroupElement[] h = Generators.hVector(64);
    Set<BigInteger> xs = new HashSet<>();
    xs.add(Generators.G.x());
    xs.add(Generators.H.x());
    for (int i = 0; i < 64; i++) {
      assertThat(g[i].y().testBit(0)).isFalse();
      assertThat(h[i].y().testBit(0)).isFalse();
      xs.add(g[i].x());
      xs.add(h[i].x());
    }
    assertThat(xs).hasSize(130);
  }

  @Test
  void vectorsAreStableAcrossCalls() {
    assertThat(Generators.gVector(8))
        .containsExactly(
            Generators.gVector(16)[0],
            Generators.gVector(16)[1],
            Generators.gVector(16)[2],
            Generators.gVector(16)[3],
            Generators.gVector(16)[4],
            Generators.gVector(16)[5],
            Generators.gVector(16)[6],
            Generators.gVector(16)[7]);
  }
}
