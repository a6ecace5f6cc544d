package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InferenceProofTest {

  @Test
  void smoke() throws Exception {
    SecureRandom rnd = new SecureRandom();
    ScorecardModel m = TestScorecards.BUNDLED_LIKE;
    PublicModel pm = new PublicModel(TestScorecards.MODEL_ID, m);
    System.out.println(
        "gates "
            + pm.circuit().gates()
            + " n "
            + pm.circuit().paddedGates()
            + " q "
            + pm.circuit().constraintCount());
    double[] raw = TestScorecards.randomFeatures(m, new Random(1));
    List<Opening> fs = m.openFeatures(raw, rnd);
    long[] q = new long[raw.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = m.quantise(i, raw[i]);
    }
    Opening score = Opening.random(m.score(q), rnd);
    long t0 = System.nanoTime();
    InferenceProof p =
        new InferenceProver(rnd).prove(Transcript.create("t"), pm, fs, score, new byte[0]);
    long t1 = System.nanoTime();
    assertThatCode(
            () -> new InferenceVerifier(rnd).verify(Transcript.create("t"), pm, p, new byte[0]))
        .doesNotThrowAnyException();
    long t2 = System.nanoTime();
    System.out.println(
        "prove ms "
            + (t1 - t0) / 1e6
            + " verify ms "
            + (t2 - t1) / 1e6
            + " size "
            + p.proof().toBytes().length);
    PrivateModel prm = PrivateModel.commit(m, rnd);
    System.out.println(
        "private gates "
            + prm.commitment().circuit().gates()
            + " q "
            + prm.commitment().circuit().constraintCount());
    InferenceProof pp =
        new InferenceProver(rnd).prove(Transcript.create("t"), prm, fs, score, new byte[0]);
    new InferenceVerifier(rnd).verify(Transcript.create("t"), prm.commitment(), pp, new byte[0]);
    assertThat(p).isNotNull();
  }
}
