package io.credence.zk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Thread CPU time per inference-proof operation (median after warm-up) for the 16-characteristic
 * scorecard shaped like the bundled model ({@code TestScorecards.BUNDLED_LIKE}), public and private
 * mode, plus batch verification of 64 public-model proofs. Same method as {@link CpuTimeHarness}.
 *
 * <pre>
 * ./mvnw -B -pl zk -Pbenchmarks test-compile exec:exec \
 *     -Dbench.main=io.credence.zk.InferenceCpuTimeHarness -Djmh.args=
 * </pre>
 */
public final class InferenceCpuTimeHarness {

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static final byte[] CTX = "attestation-0001".getBytes(StandardCharsets.US_ASCII);
  private static final String APP = "credence/bench/v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private InferenceCpuTimeHarness() {}

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

  record Input(List<Opening> features, Opening score) {}

  static Input input(ScorecardModel m, Random r) {
    double[] raw = TestScorecards.randomFeatures(m, r);
    long[] q = new long[raw.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = m.quantise(i, raw[i]);
    }
    return new Input(m.openFeatures(raw, RANDOM), Opening.random(m.score(q), RANDOM));
  }

  private static void mode(String name, ProvingModel model, int warmup, int runs) throws Exception {
    InferenceProver prover = new InferenceProver(RANDOM);
    InferenceVerifier verifier = new InferenceVerifier(RANDOM);
    Input in = input(model.scorecard(), new Random(7));
    InferenceProof p = prover.prove(Transcript.create(APP), model, in.features(), in.score(), CTX);
    double prove =
        medianMillis(
            () -> prover.prove(Transcript.create(APP), model, in.features(), in.score(), CTX),
            warmup,
            runs);
    double verify =
        medianMillis(
            () -> verifier.verify(Transcript.create(APP), model.reference(), p, CTX), warmup, runs);
    byte[] bytes = p.proof().toBytes();
    double decode = medianMillis(() -> CircuitProof.fromBytes(bytes), warmup, runs);
    ConstraintSystem cs =
        model instanceof PublicModel pm
            ? pm.circuit()
            : ((PrivateModel) model).commitment().circuit();
    System.out.printf(
        "%-14s gates %4d (n = %4d) constraints %5d   prove %8.2f ms CPU   verify %7.2f ms CPU"
            + "   decode %5.2f ms   %d bytes (+ %d feature commitments × 64 B)%n",
        name,
        cs.gates(),
        cs.paddedGates(),
        cs.constraintCount(),
        prove,
        verify,
        decode,
        bytes.length,
        p.featureCommitments().size());
  }

  public static void main(String[] args) throws Exception {
    ScorecardModel m = TestScorecards.BUNDLED_LIKE;
    PublicModel pub = new PublicModel(TestScorecards.MODEL_ID, m);
    PrivateModel priv = PrivateModel.commit(m, RANDOM);
    Random er = new Random(3);
    double[][] raws = new double[2000][];
    for (int i = 0; i < raws.length; i++) {
      raws[i] = TestScorecards.randomFeatures(m, er);
    }
    double evaluate =
        medianMillis(
            () -> {
              for (double[] raw : raws) {
                pub.evaluate(raw);
              }
            },
            3,
            5);
    System.out.printf(
        "circuit evaluation without proving (witness + all constraints): %.1f µs CPU per borrower%n",
        evaluate * 1000 / raws.length);
    mode("public model", pub, 10, 15);
    mode("private model", priv, 6, 9);

    InferenceProver prover = new InferenceProver(RANDOM);
    InferenceVerifier verifier = new InferenceVerifier(RANDOM);
    Random r = new Random(11);
    List<InferenceProof> proofs = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      Input in = input(m, r);
      proofs.add(prover.prove(Transcript.create(APP), pub, in.features(), in.score(), CTX));
    }
    double batch =
        medianMillis(
            () -> {
              List<InferenceVerifier.Claim> claims = new ArrayList<>();
              for (InferenceProof p : proofs) {
                claims.add(new InferenceVerifier.Claim(Transcript.create(APP), pub, p, CTX));
              }
              verifier.verifyBatch(claims);
            },
            2,
            5);
    double single =
        medianMillis(
            () -> {
              for (InferenceProof p : proofs) {
                verifier.verify(Transcript.create(APP), pub, p, CTX);
              }
            },
            1,
            3);
    System.out.printf(
        "64 public-model inference proofs   batch %8.2f ms CPU (%.2f per proof)   one by one %8.2f"
            + " ms CPU%n",
        batch, batch / 64, single);
  }
}
