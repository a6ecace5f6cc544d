package io.credence.zk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures thread CPU time per operation (median of repeated runs after warm-up). On a shared,
 * loaded machine wall-clock JMH numbers include time spent waiting for a core; CPU time does not,
 * so the two together say what the code costs and what a busy host delivers.
 */
public final class CpuTimeHarness {

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static final byte[] CTX = "attestation-0001".getBytes(StandardCharsets.US_ASCII);
  private static final String APP = "credence/bench/v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private CpuTimeHarness() {}

  interface Op {
    void run() throws Exception;
  }

  private static double medianMillis(Op op, int warmup, int runs) throws Exception {
    for (int i = 0; i < warmup; i++) {
      op.run();
    }
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = MX.getCurrentThreadCpuTime();
      op.run();
      t[i] = (MX.getCurrentThreadCpuTime() - s) / 1e6;
    }
    java.util.Arrays.sort(t);
    return t[runs / 2];
  }

  private static void score(String name, Statement st, int warmup, int runs) throws Exception {
    ScoreProver prover = new ScoreProver(RANDOM);
    ScoreVerifier verifier = new ScoreVerifier(RANDOM);
    Opening o = Opening.random(712, RANDOM);
    ScoreProof p = prover.prove(Transcript.create(APP), st, o, CTX);
    double prove =
        medianMillis(() -> prover.prove(Transcript.create(APP), st, o, CTX), warmup, runs);
    double verify =
        medianMillis(
            () -> verifier.verify(Transcript.create(APP), st, p.commitment(), CTX, p.proof()),
            warmup,
            runs);
    print(name, prove, verify, p.proof().toBytes().length);
  }

  private static void range(String name, int n, int m, int warmup, int runs) throws Exception {
    List<Opening> os = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      os.add(Opening.of(new BigInteger(n, RANDOM), Blinding.random(RANDOM)));
    }
    List<Commitment> cs = os.stream().map(Opening::commit).toList();
    RangeProof p = RangeProof.prove(Transcript.create(APP), n, os, CTX, RANDOM);
    double prove =
        medianMillis(
            () -> RangeProof.prove(Transcript.create(APP), n, os, CTX, RANDOM), warmup, runs);
    double verify = medianMillis(() -> p.verify(Transcript.create(APP), n, cs, CTX), warmup, runs);
    print(name, prove, verify, p.toBytes().length);
  }

  private static void print(String name, double prove, double verify, int size) {
    System.out.printf(
        "%-18s prove %8.2f ms CPU   verify %7.2f ms CPU   %d bytes%n", name, prove, verify, size);
  }

  public static void main(String[] args) throws Exception {
    score("threshold n16 m1", new Statement.Threshold(650), 60, 41);
    score("band n16 m2", new Statement.Band(300, 850), 60, 41);
    range("range n64 m1", 64, 1, 30, 21);
    range("range n64 m8", 64, 8, 8, 9);

    ScoreProver prover = new ScoreProver(RANDOM);
    ScoreVerifier verifier = new ScoreVerifier(RANDOM);
    Statement band = new Statement.Band(300, 850);
    List<ScoreProof> proofs = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      proofs.add(
          prover.prove(Transcript.create(APP), band, Opening.random(300 + 8 * i, RANDOM), CTX));
    }
    double batch =
        medianMillis(
            () -> {
              List<ScoreVerifier.Claim> claims = new ArrayList<>();
              for (ScoreProof p : proofs) {
                claims.add(
                    new ScoreVerifier.Claim(
                        Transcript.create(APP), band, p.commitment(), CTX, p.proof()));
              }
              verifier.verifyBatch(claims);
            },
            5,
            7);
    double single =
        medianMillis(
            () -> {
              for (ScoreProof p : proofs) {
                verifier.verify(Transcript.create(APP), band, p.commitment(), CTX, p.proof());
              }
            },
            3,
            5);
    System.out.printf(
        "64 band proofs     batch %8.2f ms CPU   one by one %7.2f ms CPU%n", batch, single);
  }
}
