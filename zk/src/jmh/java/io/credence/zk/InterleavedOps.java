package io.credence.zk;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations {@link InterleavedHarness} times, built from the public API only, so the same
 * class runs against an older build of the module loaded in its own class loader.
 */
public final class InterleavedOps {

  private static final byte[] CTX = "attestation-0001".getBytes(StandardCharsets.US_ASCII);
  private static final String APP = "credence/bench/v1";

  private InterleavedOps() {}

  /** Name → operation, in the order the harness reports them. */
  public static Map<String, Runnable> ops() throws Exception {
    SecureRandom rnd = new SecureRandom();
    Map<String, Runnable> ops = new LinkedHashMap<>();
    ScoreProver prover = new ScoreProver(rnd);
    ScoreVerifier verifier = new ScoreVerifier(rnd);
    Statement band = new Statement.Band(300, 850);
    Opening o = Opening.random(712, rnd);
    ScoreProof p = prover.prove(Transcript.create(APP), band, o, CTX);
    ops.put("band prove", wrap(() -> prover.prove(Transcript.create(APP), band, o, CTX)));
    ops.put(
        "band verify",
        wrap(() -> verifier.verify(Transcript.create(APP), band, p.commitment(), CTX, p.proof())));
    // The harness's other verifications reuse one decoded proof, whose points keep their
    // precomputed tables after the first run; a lender decodes every proof afresh.
    byte[] abi = p.proof().toAbiBytes();
    ops.put(
        "band decode+verify",
        wrap(
            () ->
                verifier.verify(
                    Transcript.create(APP),
                    band,
                    p.commitment(),
                    CTX,
                    RangeProof.fromAbiBytes(abi))));

    List<Opening> os = List.of(Opening.of(new BigInteger(64, rnd), Blinding.random(rnd)));
    List<Commitment> cs = os.stream().map(Opening::commit).toList();
    RangeProof r = RangeProof.prove(Transcript.create(APP), 64, os, CTX, rnd);
    ops.put("n64 prove", wrap(() -> RangeProof.prove(Transcript.create(APP), 64, os, CTX, rnd)));
    ops.put("n64 verify", wrap(() -> r.verify(Transcript.create(APP), 64, cs, CTX)));

    List<ScoreProof> proofs = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      proofs.add(prover.prove(Transcript.create(APP), band, Opening.random(300 + 8 * i, rnd), CTX));
    }
    ops.put(
        "batch64 verify",
        wrap(
            () -> {
              List<ScoreVerifier.Claim> claims = new ArrayList<>();
              for (ScoreProof q : proofs) {
                claims.add(
                    new ScoreVerifier.Claim(
                        Transcript.create(APP), band, q.commitment(), CTX, q.proof()));
              }
              verifier.verifyBatch(claims);
            }));
    return ops;
  }

  private interface Op {
    void run() throws Exception;
  }

  private static Runnable wrap(Op op) {
    return () -> {
      try {
        op.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
