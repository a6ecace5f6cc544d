package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ScoreProofTest {

  static final byte[] CONTEXT = Bytes.ascii("attestation-0001");

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static Transcript transcript() {
    return Transcript.create("credence/test/v1");
  }

  @Test
  void bandProofVerifiesAndHasTargetSize() throws Exception {
    SecureRandom rnd = seeded(1);
    Statement band = new Statement.Band(300, 850);
    ScoreProof p =
        new ScoreProver(rnd).prove(transcript(), band, Opening.random(650, rnd), CONTEXT);
    assertThat(p.proof().toBytes()).hasSize(608);
    new ScoreVerifier(rnd).verify(transcript(), band, p.commitment(), CONTEXT, p.proof());
  }

  @Test
  void thresholdProofVerifies() throws Exception {
    SecureRandom rnd = seeded(2);
    Statement th = new Statement.Threshold(700);
    ScoreProof p = new ScoreProver(rnd).prove(transcript(), th, Opening.random(700, rnd), CONTEXT);
    new ScoreVerifier(rnd).verify(transcript(), th, p.commitment(), CONTEXT, p.proof());
  }

  @Test
  void wrongContextFails() throws Exception {
    SecureRandom rnd = seeded(4);
    Statement band = new Statement.Band(600, 700);
    ScoreProof p =
        new ScoreProver(rnd).prove(transcript(), band, Opening.random(650, rnd), CONTEXT);
    assertThatThrownBy(
            () ->
                new ScoreVerifier(rnd)
                    .verify(transcript(), band, p.commitment(), new byte[1], p.proof()))
        .isInstanceOf(ProofVerificationException.class)
        .extracting(e -> ((ProofVerificationException) e).reason())
        .isEqualTo(Reason.EQUATION_FAILED);
  }
}
