package io.credence.zk;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** 64 band proofs (n = 16, m = 2): one batched MSM versus 64 separate verifications. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class BatchVerificationBenchmark {

  private static final String APP = "credence/bench/v1";
  private static final int PROOFS = 64;

  private final SecureRandom random = new SecureRandom();
  private final ScoreVerifier verifier = new ScoreVerifier(random);
  private final List<ScoreProof> proofs = new ArrayList<>();
  private final List<byte[]> contexts = new ArrayList<>();

  @Setup
  public void setUp() {
    ScoreProver prover = new ScoreProver(random);
    Statement band = new Statement.Band(300, 850);
    for (int i = 0; i < PROOFS; i++) {
      byte[] ctx = ("attestation-" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      contexts.add(ctx);
      proofs.add(
          prover.prove(Transcript.create(APP), band, Opening.random(300 + 8 * i, random), ctx));
    }
  }

  @Benchmark
  public void batch64() throws ProofVerificationException {
    List<ScoreVerifier.Claim> claims = new ArrayList<>(PROOFS);
    for (int i = 0; i < PROOFS; i++) {
      ScoreProof p = proofs.get(i);
      claims.add(
          new ScoreVerifier.Claim(
              Transcript.create(APP), p.statement(), p.commitment(), contexts.get(i), p.proof()));
    }
    verifier.verifyBatch(claims);
  }

  @Benchmark
  public void oneByOne64() throws ProofVerificationException {
    for (int i = 0; i < PROOFS; i++) {
      ScoreProof p = proofs.get(i);
      verifier.verify(
          Transcript.create(APP), p.statement(), p.commitment(), contexts.get(i), p.proof());
    }
  }
}
