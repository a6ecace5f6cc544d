package io.credence.zk;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Prove and verify time per scenario. Run: {@code ./mvnw -B -pl zk -Pbenchmarks test-compile
 * exec:exec} (see docs/benchmarks.md). Proof sizes are printed once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class RangeProofBenchmark {

  private static final byte[] CONTEXT =
      "attestation-0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final String APP = "credence/bench/v1";

  @Param({"threshold-n16-m1", "band-n16-m2", "range-n64-m1", "range-n64-m8"})
  public String scenario;

  private final SecureRandom random = new SecureRandom();
  private ScoreProver prover;
  private ScoreVerifier verifier;
  private Statement statement;
  private Opening scoreOpening;
  private int n;
  private List<Opening> openings;
  private List<Commitment> commitments;
  private ScoreProof scoreProof;
  private RangeProof rangeProof;

  @Setup
  public void setUp() throws Exception {
    prover = new ScoreProver(random);
    verifier = new ScoreVerifier(random);
    switch (scenario) {
      case "threshold-n16-m1" -> statement = new Statement.Threshold(500); // n = 16 (650: n = 8)
      case "band-n16-m2" -> statement = new Statement.Band(300, 850);
      case "range-n64-m1" -> openings(64, 1);
      case "range-n64-m8" -> openings(64, 8);
      default -> throw new IllegalArgumentException(scenario);
    }
    if (statement != null) {
      scoreOpening = Opening.random(712, random);
      scoreProof = proveScore();
      verifyScore();
      System.out.println(
          scenario
              + ": canonical "
              + scoreProof.proof().toBytes().length
              + " bytes, ABI "
              + scoreProof.proof().toAbiBytes().length
              + " bytes");
    } else {
      rangeProof = proveRange();
      verifyRange();
      System.out.println(
          scenario
              + ": canonical "
              + rangeProof.toBytes().length
              + " bytes, ABI "
              + rangeProof.toAbiBytes().length
              + " bytes");
    }
  }

  private void openings(int bits, int m) {
    n = bits;
    openings = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      openings.add(Opening.of(new BigInteger(bits, random), Blinding.random(random)));
    }
    commitments = openings.stream().map(Opening::commit).toList();
  }

  private ScoreProof proveScore() {
    return prover.prove(Transcript.create(APP), statement, scoreOpening, CONTEXT);
  }

  private RangeProof proveRange() {
    return RangeProof.prove(Transcript.create(APP), n, openings, CONTEXT, random);
  }

  private void verifyScore() throws ProofVerificationException {
    verifier.verify(
        Transcript.create(APP), statement, scoreProof.commitment(), CONTEXT, scoreProof.proof());
  }

  private void verifyRange() throws ProofVerificationException {
    rangeProof.verify(Transcript.create(APP), n, commitments, CONTEXT);
  }

  @Benchmark
  public Object prove() {
    return statement != null ? proveScore() : proveRange();
  }

  @Benchmark
  public void verify() throws ProofVerificationException {
    if (statement != null) {
      verifyScore();
    } else {
      verifyRange();
    }
  }
}
