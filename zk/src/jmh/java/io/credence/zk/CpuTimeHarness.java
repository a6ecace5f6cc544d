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
 *
 * <p>Also prints the bytes allocated per operation, and, when the JVM runs with {@code
 * -Dcredence.zk.countFieldOps=true} (pass {@code -Dbench.jvmArgs=-Dcredence.zk.countFieldOps=true}
 * to Maven), the number of base-field multiplications, squarings and inversions per operation,
 * counted after warm-up (generator tables already built). Counting slows the code down: take
 * timings from a run without it.
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

  private static final com.sun.management.ThreadMXBean ALLOC = (com.sun.management.ThreadMXBean) MX;

  /** Bytes allocated by one run of op on this thread. */
  private static long allocated(Op op) throws Exception {
    long before = ALLOC.getCurrentThreadAllocatedBytes();
    op.run();
    return ALLOC.getCurrentThreadAllocatedBytes() - before;
  }

  /** "mul + sqr" base-field operations of one run of op, or "" when counting is off. */
  private static String fieldOps(Op op) throws Exception {
    if (!FieldLimbs.COUNTING) {
      return "";
    }
    long m = FieldLimbs.multiplications;
    long q = FieldLimbs.squarings;
    long i = FieldLimbs.inversions;
    op.run();
    return String.format(
        "   field ops %d M + %d S + %d I",
        FieldLimbs.multiplications - m, FieldLimbs.squarings - q, FieldLimbs.inversions - i);
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
    Op proveOp = () -> prover.prove(Transcript.create(APP), st, o, CTX);
    Op verifyOp = () -> verifier.verify(Transcript.create(APP), st, p.commitment(), CTX, p.proof());
    double prove = medianMillis(proveOp, warmup, runs);
    double verify = medianMillis(verifyOp, warmup, runs);
    print(name, prove, verify, p.proof().toBytes().length);
    details(name, proveOp, verifyOp);
  }

  private static void range(String name, int n, int m, int warmup, int runs) throws Exception {
    List<Opening> os = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      os.add(Opening.of(new BigInteger(n, RANDOM), Blinding.random(RANDOM)));
    }
    List<Commitment> cs = os.stream().map(Opening::commit).toList();
    RangeProof p = RangeProof.prove(Transcript.create(APP), n, os, CTX, RANDOM);
    Op proveOp = () -> RangeProof.prove(Transcript.create(APP), n, os, CTX, RANDOM);
    Op verifyOp = () -> p.verify(Transcript.create(APP), n, cs, CTX);
    double prove = medianMillis(proveOp, warmup, runs);
    double verify = medianMillis(verifyOp, warmup, runs);
    print(name, prove, verify, p.toBytes().length);
    details(name, proveOp, verifyOp);
  }

  private static void details(String name, Op proveOp, Op verifyOp) throws Exception {
    System.out.printf(
        "%-18s prove: %8d bytes allocated%s%n", "", allocated(proveOp), fieldOps(proveOp));
    System.out.printf(
        "%-18s verify: %7d bytes allocated%s%n", "", allocated(verifyOp), fieldOps(verifyOp));
  }

  private static void print(String name, double prove, double verify, int size) {
    System.out.printf(
        "%-18s prove %8.2f ms CPU   verify %7.2f ms CPU   %d bytes%n", name, prove, verify, size);
  }

  public static void main(String[] args) throws Exception {
    score("threshold n16 m1", new Statement.Threshold(500), 60, 41); // n = 16 (650: n = 8)
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
    Op batchOp =
        () -> {
          List<ScoreVerifier.Claim> claims = new ArrayList<>();
          for (ScoreProof p : proofs) {
            claims.add(
                new ScoreVerifier.Claim(
                    Transcript.create(APP), band, p.commitment(), CTX, p.proof()));
          }
          verifier.verifyBatch(claims);
        };
    double batch = medianMillis(batchOp, 5, 7);
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
    System.out.printf(
        "%-18s batch: %8d bytes allocated%s%n", "", allocated(batchOp), fieldOps(batchOp));
    // The field operations' cost on this core, for the floor that the counts set.
    long[] x = new long[8];
    FieldLimbs.setOne(x, 0);
    FieldLimbs.setOne(x, 4);
    x[5] ^= 0x1234;
    double mulNs = medianMillis(() -> mulChain(x), 5, 9) * 1e6 / FIELD_OPS;
    double sqrNs = medianMillis(() -> sqrChain(x), 5, 9) * 1e6 / FIELD_OPS;
    System.out.printf("field mul %.1f ns CPU   field sqr %.1f ns CPU%n", mulNs, sqrNs);
    Fp[] xs = new Fp[INVERSIONS];
    for (int i = 0; i < INVERSIONS; i++) {
      xs[i] = Fp.of(new BigInteger(253, RANDOM).add(BigInteger.ONE));
    }
    double invUs = medianMillis(() -> invertAll(xs), 5, 9) * 1e3 / INVERSIONS;
    double bigUs = medianMillis(() -> invertAllBigInteger(xs), 5, 9) * 1e3 / INVERSIONS;
    System.out.printf(
        "field inversion %.2f µs CPU (BigInteger.modInverse with conversions %.2f µs)%n",
        invUs, bigUs);
  }

  private static final int INVERSIONS = 2_000;

  private static void invertAll(Fp[] xs) {
    for (Fp x : xs) {
      Fp.inv(x);
    }
  }

  private static void invertAllBigInteger(Fp[] xs) {
    for (Fp x : xs) {
      Fp.of(x.toBigInteger().modInverse(CurveGroup.P));
    }
  }

  private static final int FIELD_OPS = 1_000_000;

  private static void mulChain(long[] x) {
    for (int i = 0; i < FIELD_OPS; i++) {
      FieldLimbs.mul(x, 0, x, 0, x, 4);
    }
  }

  private static void sqrChain(long[] x) {
    for (int i = 0; i < FIELD_OPS; i++) {
      FieldLimbs.sqr(x, 0, x, 0);
    }
  }
}
