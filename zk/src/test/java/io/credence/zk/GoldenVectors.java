package io.credence.zk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the golden vectors: {@code src/test/resources/vectors/range-proofs.json} (first
 * and second edition of the protocol) and {@code range-proofs-edition3.json} (third edition: n = 8
 * thresholds).
 *
 * <p>Stability rule (docs/zk-protocol.md §9): a published file never changes. Each file has its own
 * seeded generator, and every vector's n is pinned in the generator (never taken from the current
 * rule), so a protocol revision that changes which n a prover picks leaves the old files byte for
 * byte as they were — their proofs become legacy proofs that verifiers must keep accepting — and
 * adds its vectors in a new file. {@code ./mvnw -B -pl zk test -Dtest=GoldenVectorsTest
 * -Dzk.regenerateVectors=true} rewrites every file from its generator, which must leave the
 * existing ones unchanged. Every vector is proven on a transcript created with {@link #APP_LABEL}
 * and nothing else appended by the caller.
 */
final class GoldenVectors {

  static final String APP_LABEL = "credence/test-vectors/v1";
  static final String EDITION_2 = "range-proofs.json";
  static final String EDITION_3 = "range-proofs-edition3.json";
  private static final Path DIR = Path.of("src/test/resources/vectors");
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GoldenVectors() {}

  /**
   * One vector as stored in the file; {@code reason} is the verifier's reason for an invalid vector
   * (only the third edition's file states it), else null.
   */
  record Vector(
      Statement statement,
      int n,
      int m,
      byte[] context,
      byte[] commitment,
      byte[] proof,
      byte[] proofAbi,
      boolean valid,
      String reason) {

    Vector(
        Statement statement,
        int n,
        int m,
        byte[] context,
        byte[] commitment,
        byte[] proof,
        byte[] proofAbi,
        boolean valid) {
      this(statement, n, m, context, commitment, proof, proofAbi, valid, null);
    }
  }

  /** The generator of each file, by file name. */
  static List<Vector> generate(String file) {
    return switch (file) {
      case EDITION_2 -> generate();
      case EDITION_3 -> generateEdition3();
      default -> throw new IllegalArgumentException(file);
    };
  }

  /** range-proofs.json: thresholds with the first (t = 0: n = 8) and second edition's n (16). */
  static List<Vector> generate() {
    SecureRandom rnd = ScoreProofTest.seeded(20261121L);
    ScoreProver prover = new ScoreProver(rnd);
    byte[] ctx = Bytes.ascii("attestation-0001");
    List<Vector> out = new ArrayList<>();
    ScoreProof band = prove(prover, new Statement.Band(300, 850), 16, 650, ctx, rnd, out);
    prove(prover, new Statement.Band(700, 700), 8, 700, ctx, rnd, out);
    ScoreProof bandLo = prove(prover, new Statement.Band(300, 850), 16, 300, ctx, rnd, out);
    prove(prover, new Statement.Band(300, 850), 16, 850, new byte[0], rnd, out);
    // Second edition's n = 16 for t = 700 and 650 (the third edition proves them with n = 8).
    ScoreProof th = prove(prover, new Statement.Threshold(700), 16, 700, ctx, rnd, out);
    prove(prover, new Statement.Threshold(650), 16, 812, ctx, rnd, out);
    // Proven under the first edition's rule (n = 8 for t < 256); verifiers keep accepting it.
    proveWithProtocol(0, 8, 5, ctx, rnd, out, true);
    prove(prover, new Statement.Threshold(100_000), 32, 100_005, ctx, rnd, out);
    prove(prover, new Statement.Band(0, 1L << 40), 64, 1L << 39, ctx, rnd, out);

    // Invalid: the right proof checked against other public inputs.
    out.add(
        vector(band, band.statement(), band.commitment(), Bytes.ascii("attestation-0002"), false));
    out.add(vector(band, new Statement.Band(301, 850), band.commitment(), ctx, false));
    out.add(vector(th, new Statement.Threshold(701), th.commitment(), ctx, false));
    out.add(vector(band, band.statement(), bandLo.commitment(), ctx, false));
    // Invalid: tampered proofs (consistently in both encodings).
    RangeProof p = band.proof();
    out.add(
        vector(
            withProof(band, copy(p, ScalarField.add(p.tx, BigInteger.ONE), p.taux, p.ls, p.rs)),
            band.statement(),
            band.commitment(),
            ctx,
            false));
    GroupElement[] ls = p.ls.clone();
    ls[0] = Bn254.GROUP.add(ls[0], Generators.G);
    out.add(
        vector(
            withProof(band, copy(p, p.tx, p.taux, ls, p.rs)),
            band.statement(),
            band.commitment(),
            ctx,
            false));
    GroupElement[] swappedL = p.ls.clone();
    GroupElement[] swappedR = p.rs.clone();
    swappedL[0] = p.rs[0];
    swappedR[0] = p.ls[0];
    out.add(
        vector(
            withProof(band, copy(p, p.tx, p.taux, swappedL, swappedR)),
            band.statement(),
            band.commitment(),
            ctx,
            false));
    // Invalid encodings: τ_x + r (non-canonical scalar), and a truncated proof.
    RangeProof big = copy(p, p.tx, p.taux.add(ScalarField.R), p.ls, p.rs);
    out.add(vector(withProof(band, big), band.statement(), band.commitment(), ctx, false));
    byte[] canonical = th.proof().toBytes();
    byte[] abi = th.proof().toAbiBytes();
    out.add(
        new Vector(
            th.statement(),
            16,
            1,
            ctx,
            th.commitment().toUncompressed(),
            java.util.Arrays.copyOf(canonical, canonical.length - 32),
            java.util.Arrays.copyOf(abi, abi.length - 32),
            false));
    return out;
  }

  /**
   * range-proofs-edition3.json: the third edition's n = 8 thresholds (595 ≤ t ≤ 850) at their
   * edges, n = 16 just below them, and the ways an n = 8 proof must fail, each with its reason.
   */
  static List<Vector> generateEdition3() {
    SecureRandom rnd = ScoreProofTest.seeded(20261202L);
    ScoreProver prover = new ScoreProver(rnd);
    byte[] ctx = Bytes.ascii("attestation-0001");
    List<Vector> out = new ArrayList<>();
    // Valid: t = 650 (the gas tables' case), the lowest n = 8 threshold at s = t and at the widest
    // s − t = 255, the highest threshold with an empty context; then the highest n = 16 threshold
    // (850 − 594 = 256) and t = 500 (n = 16, the gas tables' comparison).
    ScoreProof th = prove(prover, new Statement.Threshold(650), 8, 700, ctx, rnd, out);
    ScoreProof low = prove(prover, new Statement.Threshold(595), 8, 595, ctx, rnd, out);
    prove(prover, new Statement.Threshold(595), 8, 850, ctx, rnd, out);
    prove(prover, new Statement.Threshold(850), 8, 850, new byte[0], rnd, out);
    prove(prover, new Statement.Threshold(594), 16, 850, ctx, rnd, out);
    prove(prover, new Statement.Threshold(500), 16, 712, ctx, rnd, out);

    // Invalid: the n = 8 proof checked against other public inputs.
    out.add(invalid(th, new Statement.Threshold(651), ctx, "EQUATION_FAILED"));
    out.add(invalid(th, new Statement.Threshold(594), ctx, "ROUND_COUNT_MISMATCH"));
    out.add(invalid(th, th.statement(), Bytes.ascii("attestation-0002"), "EQUATION_FAILED"));
    out.add(invalid(th, th.statement(), low.commitment(), ctx, "EQUATION_FAILED"));
    // Invalid: n = 8 proofs of thresholds below 595 (made with the protocol directly; the prover
    // refuses): no edition gave them n = 8, so their round count is refused.
    proveWithProtocol(594, 8, 700, ctx, rnd, out, false);
    proveWithProtocol(300, 8, 500, ctx, rnd, out, false);
    // Invalid: tampered n = 8 proofs.
    RangeProof p = th.proof();
    out.add(
        invalid(
            withProof(th, copy(p, ScalarField.add(p.tx, BigInteger.ONE), p.taux, p.ls, p.rs)),
            th.statement(),
            ctx,
            "EQUATION_FAILED"));
    GroupElement[] ls = p.ls.clone();
    ls[0] = Bn254.GROUP.add(ls[0], Generators.G);
    out.add(
        invalid(
            withProof(th, copy(p, p.tx, p.taux, ls, p.rs)),
            th.statement(),
            ctx,
            "EQUATION_FAILED"));
    byte[] canonical = p.toBytes();
    byte[] abi = p.toAbiBytes();
    out.add(
        new Vector(
            th.statement(),
            8,
            1,
            ctx,
            th.commitment().toUncompressed(),
            java.util.Arrays.copyOf(canonical, canonical.length - 32),
            java.util.Arrays.copyOf(abi, abi.length - 32),
            false,
            "WRONG_LENGTH"));
    return out;
  }

  /** Proves with the given n (pinned, whatever the current rule says) and adds a valid vector. */
  private static ScoreProof prove(
      ScoreProver prover,
      Statement statement,
      int n,
      long score,
      byte[] ctx,
      SecureRandom rnd,
      List<Vector> out) {
    ScoreProof proof =
        prover.prove(
            Transcript.create(APP_LABEL), statement, Opening.random(score, rnd), ctx.clone(), n);
    out.add(vector(proof, statement, proof.commitment(), ctx, true));
    return proof;
  }

  /**
   * A threshold proof with an n no current prover uses for t (the first edition's n = 8 for t &lt;
   * 256, valid; an n = 8 proof for 256 ≤ t &lt; 595, invalid), made with the protocol directly.
   */
  private static void proveWithProtocol(
      long t, int n, long score, byte[] ctx, SecureRandom rnd, List<Vector> out, boolean valid) {
    Statement st = new Statement.Threshold(t);
    Opening o = Opening.random(score, rnd);
    Commitment v = o.commit();
    RangeProof p =
        RangeProofProtocol.prove(
            Transcript.create(APP_LABEL),
            n,
            st.encode(),
            ScoreStatements.derivedCommitments(st, v.point()),
            new BigInteger[] {o.value().subtract(BigInteger.valueOf(t))},
            new BigInteger[] {o.blinding().value()},
            ctx.clone(),
            rnd);
    out.add(
        new Vector(
            st,
            n,
            1,
            ctx,
            v.toUncompressed(),
            p.toBytes(),
            p.toAbiBytes(),
            valid,
            valid ? null : "ROUND_COUNT_MISMATCH"));
  }

  private static ScoreProof withProof(ScoreProof base, RangeProof proof) {
    return new ScoreProof(base.statement(), base.commitment(), proof);
  }

  private static RangeProof copy(
      RangeProof p, BigInteger tx, BigInteger taux, GroupElement[] ls, GroupElement[] rs) {
    return new RangeProof(p.a, p.s, p.t1, p.t2, tx, taux, p.mu, ls, rs, p.ipaA, p.ipaB);
  }

  private static Vector invalid(ScoreProof proof, Statement statement, byte[] ctx, String reason) {
    return invalid(proof, statement, proof.commitment(), ctx, reason);
  }

  private static Vector invalid(
      ScoreProof proof, Statement statement, Commitment commitment, byte[] ctx, String reason) {
    Vector v = vector(proof, statement, commitment, ctx, false);
    return new Vector(
        v.statement(),
        v.n(),
        v.m(),
        v.context(),
        v.commitment(),
        v.proof(),
        v.proofAbi(),
        false,
        reason);
  }

  /**
   * The vector's n is the proof's own: 2^rounds / m (not the current rule's n for the statement).
   */
  private static Vector vector(
      ScoreProof proof, Statement statement, Commitment commitment, byte[] ctx, boolean valid) {
    return new Vector(
        statement,
        (1 << proof.proof().rounds()) / proof.statement().values(),
        statement.values(),
        ctx,
        commitment.toUncompressed(),
        proof.proof().toBytes(),
        proof.proof().toAbiBytes(),
        valid);
  }

  static void write(String file, List<Vector> vectors) throws IOException {
    List<Map<String, Object>> json = new ArrayList<>();
    for (Vector v : vectors) {
      Map<String, Object> o = new LinkedHashMap<>();
      Map<String, Object> st = new LinkedHashMap<>();
      if (v.statement() instanceof Statement.Band b) {
        st.put("type", "band");
        st.put("lo", b.lo());
        st.put("hi", b.hi());
      } else {
        st.put("type", "threshold");
        st.put("t", ((Statement.Threshold) v.statement()).t());
      }
      o.put("statement", st);
      o.put("n", v.n());
      o.put("m", v.m());
      o.put("context", HEX.formatHex(v.context()));
      o.put("commitment", HEX.formatHex(v.commitment()));
      o.put("proof", HEX.formatHex(v.proof()));
      o.put("proofAbi", HEX.formatHex(v.proofAbi()));
      o.put("valid", v.valid());
      if (v.reason() != null) {
        o.put("reason", v.reason());
      }
      json.add(o);
    }
    Files.createDirectories(DIR);
    Files.writeString(DIR.resolve(file), JSON.writeValueAsString(json) + "\n");
  }

  static List<Vector> read(String file) throws IOException {
    List<Vector> out = new ArrayList<>();
    try (var in = GoldenVectors.class.getResourceAsStream("/vectors/" + file)) {
      for (JsonNode o : JSON.readTree(in)) {
        JsonNode st = o.get("statement");
        Statement statement =
            switch (st.get("type").asText()) {
              case "band" -> new Statement.Band(st.get("lo").asLong(), st.get("hi").asLong());
              case "threshold" -> new Statement.Threshold(st.get("t").asLong());
              default -> throw new IOException("unknown statement type");
            };
        out.add(
            new Vector(
                statement,
                o.get("n").asInt(),
                o.get("m").asInt(),
                HEX.parseHex(o.get("context").asText()),
                HEX.parseHex(o.get("commitment").asText()),
                HEX.parseHex(o.get("proof").asText()),
                HEX.parseHex(o.get("proofAbi").asText()),
                o.get("valid").asBoolean(),
                o.has("reason") ? o.get("reason").asText() : null));
      }
    }
    return out;
  }
}
