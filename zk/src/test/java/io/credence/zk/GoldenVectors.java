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
 * Writes and reads the golden vectors in {@code src/test/resources/vectors/range-proofs.json}.
 *
 * <p>Regenerate (only when the protocol version changes!) with {@code ./mvnw -B -pl zk test
 * -Dtest=GoldenVectorsTest -Dzk.regenerateVectors=true}. Every vector is proven on a transcript
 * created with {@link #APP_LABEL} and nothing else appended by the caller.
 */
final class GoldenVectors {

  static final String APP_LABEL = "credence/test-vectors/v1";
  static final Path FILE = Path.of("src/test/resources/vectors/range-proofs.json");
  static final String RESOURCE = "/vectors/range-proofs.json";
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GoldenVectors() {}

  /** One vector as stored in the file. */
  record Vector(
      Statement statement,
      int n,
      int m,
      byte[] context,
      byte[] commitment,
      byte[] proof,
      byte[] proofAbi,
      boolean valid) {}

  static List<Vector> generate() {
    SecureRandom rnd = ScoreProofTest.seeded(20261121L);
    ScoreProver prover = new ScoreProver(rnd);
    byte[] ctx = Bytes.ascii("attestation-0001");
    List<Vector> out = new ArrayList<>();
    ScoreProof band = prove(prover, new Statement.Band(300, 850), 650, ctx, rnd, out);
    prove(prover, new Statement.Band(700, 700), 700, ctx, rnd, out);
    ScoreProof bandLo = prove(prover, new Statement.Band(300, 850), 300, ctx, rnd, out);
    prove(prover, new Statement.Band(300, 850), 850, new byte[0], rnd, out);
    ScoreProof th = prove(prover, new Statement.Threshold(700), 700, ctx, rnd, out);
    prove(prover, new Statement.Threshold(650), 812, ctx, rnd, out);
    // Proven under the first edition's rule (n = 8 for t < 256); verifiers keep accepting it.
    proveLegacyThreshold(0, 5, ctx, rnd, out);
    prove(prover, new Statement.Threshold(100_000), 100_005, ctx, rnd, out);
    prove(prover, new Statement.Band(0, 1L << 40), 1L << 39, ctx, rnd, out);

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
            th.statement().bits(),
            1,
            ctx,
            th.commitment().toUncompressed(),
            java.util.Arrays.copyOf(canonical, canonical.length - 32),
            java.util.Arrays.copyOf(abi, abi.length - 32),
            false));
    return out;
  }

  private static ScoreProof prove(
      ScoreProver prover,
      Statement statement,
      long score,
      byte[] ctx,
      SecureRandom rnd,
      List<Vector> out) {
    ScoreProof proof =
        prover.prove(
            Transcript.create(APP_LABEL), statement, Opening.random(score, rnd), ctx.clone());
    out.add(vector(proof, statement, proof.commitment(), ctx, true));
    return proof;
  }

  private static void proveLegacyThreshold(
      long t, long score, byte[] ctx, SecureRandom rnd, List<Vector> out) {
    Statement st = new Statement.Threshold(t);
    Opening o = Opening.random(score, rnd);
    Commitment v = o.commit();
    RangeProof p =
        RangeProofProtocol.prove(
            Transcript.create(APP_LABEL),
            8,
            st.encode(),
            ScoreStatements.derivedCommitments(st, v.point()),
            new BigInteger[] {o.value().subtract(BigInteger.valueOf(t))},
            new BigInteger[] {o.blinding().value()},
            ctx.clone(),
            rnd);
    out.add(new Vector(st, 8, 1, ctx, v.toUncompressed(), p.toBytes(), p.toAbiBytes(), true));
  }

  private static ScoreProof withProof(ScoreProof base, RangeProof proof) {
    return new ScoreProof(base.statement(), base.commitment(), proof);
  }

  private static RangeProof copy(
      RangeProof p, BigInteger tx, BigInteger taux, GroupElement[] ls, GroupElement[] rs) {
    return new RangeProof(p.a, p.s, p.t1, p.t2, tx, taux, p.mu, ls, rs, p.ipaA, p.ipaB);
  }

  private static Vector vector(
      ScoreProof proof, Statement statement, Commitment commitment, byte[] ctx, boolean valid) {
    return new Vector(
        statement,
        statement.bits(),
        statement.values(),
        ctx,
        commitment.toUncompressed(),
        proof.proof().toBytes(),
        proof.proof().toAbiBytes(),
        valid);
  }

  static void write(List<Vector> vectors) throws IOException {
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
      json.add(o);
    }
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, JSON.writeValueAsString(json) + "\n");
  }

  static List<Vector> read() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (var in = GoldenVectors.class.getResourceAsStream(RESOURCE)) {
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
                o.get("valid").asBoolean()));
      }
    }
    return out;
  }
}
