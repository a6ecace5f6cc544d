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
import java.util.Random;

/**
 * Writes and reads the inference-proof golden vectors in {@code
 * src/test/resources/vectors/inference-proofs.json} (docs/zk-protocol.md §18). The file carries the
 * scorecard (so another implementation can rebuild the circuit), and per vector the model
 * reference, context, commitments, canonical proof and whether it must verify. Every vector is
 * proven on a transcript created with {@link GoldenVectors#APP_LABEL} and nothing else appended.
 *
 * <p>Regenerate only for a new protocol version: {@code ./mvnw -B -pl zk test
 * -Dtest=InferenceVectorsTest -Dzk.regenerateVectors=true}.
 */
final class InferenceVectors {

  static final Path FILE = Path.of("src/test/resources/vectors/inference-proofs.json");
  static final String RESOURCE = "/vectors/inference-proofs.json";
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private InferenceVectors() {}

  /** One vector; exactly one of modelId (public mode) and modelCommitment (private) is set. */
  record Vector(
      String note,
      byte[] modelId,
      byte[] modelCommitment,
      byte[] context,
      List<byte[]> featureCommitments,
      byte[] scoreCommitment,
      byte[] proof,
      boolean valid) {}

  record File(ScorecardModel model, List<Vector> vectors) {}

  static File generate() {
    SecureRandom rnd = ScoreProofTest.seeded(20261201L);
    ScorecardModel m = TestScorecards.BUNDLED_LIKE;
    PublicModel pub = new PublicModel(TestScorecards.MODEL_ID, m);
    PrivateModel priv = PrivateModel.commit(m, rnd);
    PrivateModel otherPriv = PrivateModel.commit(m, rnd);
    InferenceProver prover = new InferenceProver(rnd);
    byte[] ctx = Bytes.ascii("attestation-0001");
    List<Vector> out = new ArrayList<>();
    Random r = new Random(20261201L);

    long[] q1 = new long[16];
    InferenceProof p1 = prove(prover, pub, m, r, rnd, ctx, q1);
    out.add(vector("public model", pub, ctx, p1, true));
    long[] q2 = new long[16];
    InferenceProof p2 = prove(prover, pub, m, r, rnd, new byte[0], q2);
    out.add(vector("public model, empty context", pub, new byte[0], p2, true));
    long[] q3 = new long[16];
    InferenceProof p3 = prove(prover, priv, m, r, rnd, ctx, q3);
    out.add(vector("private model", priv.commitment(), ctx, p3, true));

    out.add(vector("another context", pub, Bytes.ascii("attestation-0002"), p1, false));
    byte[] otherId = TestScorecards.MODEL_ID.clone();
    otherId[0] ^= 1;
    out.add(vector("another model id", new PublicModel(otherId, m), ctx, p1, false));
    out.add(vector("another model commitment", otherPriv.commitment(), ctx, p3, false));
    long s = p1ScoreValue(m, q1);
    Commitment otherScore = Opening.random(s + 1, rnd).commit();
    out.add(
        vector(
            "a commitment to another score",
            pub,
            ctx,
            new InferenceProof(p1.featureCommitments(), otherScore, p1.proof()),
            false));
    List<Commitment> moved = new ArrayList<>(p1.featureCommitments());
    moved.set(
        1, ScorecardModel.signedOpening(q1[1] <= 23 ? 24 : 23, Blinding.random(rnd)).commit());
    out.add(
        vector(
            "active_months moved to the neighbouring bin",
            pub,
            ctx,
            new InferenceProof(moved, p1.scoreCommitment(), p1.proof()),
            false));
    CircuitProof cp = p1.proof();
    out.add(
        vector(
            "t_x + 1",
            pub,
            ctx,
            withProof(
                p1,
                new CircuitProof(
                    cp.ai,
                    cp.ao,
                    cp.s,
                    cp.t,
                    ScalarField.add(cp.tx, BigInteger.ONE),
                    cp.taux,
                    cp.mu,
                    cp.ls,
                    cp.rs,
                    cp.ipaA,
                    cp.ipaB)),
            false));
    GroupElement[] ls = cp.ls.clone();
    ls[0] = Bn254.GROUP.add(ls[0], Generators.G);
    out.add(
        vector(
            "L_1 + G",
            pub,
            ctx,
            withProof(
                p1,
                new CircuitProof(
                    cp.ai, cp.ao, cp.s, cp.t, cp.tx, cp.taux, cp.mu, ls, cp.rs, cp.ipaA, cp.ipaB)),
            false));
    Vector swapped = vector("A_I and A_O swapped", pub, ctx, p1, false);
    byte[] sw = swapped.proof().clone();
    System.arraycopy(cp.toBytes(), 32, sw, 0, 32);
    System.arraycopy(cp.toBytes(), 0, sw, 32, 32);
    out.add(
        new Vector(
            swapped.note(),
            swapped.modelId(),
            null,
            ctx,
            swapped.featureCommitments(),
            swapped.scoreCommitment(),
            sw,
            false));
    Vector truncated = vector("truncated by one byte", pub, ctx, p1, false);
    out.add(
        new Vector(
            truncated.note(),
            truncated.modelId(),
            null,
            ctx,
            truncated.featureCommitments(),
            truncated.scoreCommitment(),
            java.util.Arrays.copyOf(truncated.proof(), truncated.proof().length - 1),
            false));
    return new File(m, out);
  }

  private static long p1ScoreValue(ScorecardModel m, long[] q) {
    return m.score(q);
  }

  private static InferenceProof prove(
      InferenceProver prover,
      ProvingModel model,
      ScorecardModel m,
      Random r,
      SecureRandom rnd,
      byte[] ctx,
      long[] quantisedOut) {
    double[] raw = TestScorecards.randomFeatures(m, r);
    for (int i = 0; i < raw.length; i++) {
      quantisedOut[i] = m.quantise(i, raw[i]);
    }
    return prover.prove(
        Transcript.create(GoldenVectors.APP_LABEL),
        model,
        m.openFeatures(raw, rnd),
        Opening.random(m.score(quantisedOut), rnd),
        ctx);
  }

  private static InferenceProof withProof(InferenceProof p, CircuitProof proof) {
    return new InferenceProof(p.featureCommitments(), p.scoreCommitment(), proof);
  }

  private static Vector vector(
      String note, ModelReference model, byte[] ctx, InferenceProof p, boolean valid) {
    return new Vector(
        note,
        model instanceof PublicModel ? model.id() : null,
        model instanceof ModelCommitment mc ? mc.toBytes() : null,
        ctx,
        p.featureCommitments().stream().map(Commitment::toUncompressed).toList(),
        p.scoreCommitment().toUncompressed(),
        p.proof().toBytes(),
        valid);
  }

  static void write(File file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("appLabel", GoldenVectors.APP_LABEL);
    root.put("protocol", CircuitProofProtocol.DOMAIN_SEPARATOR);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("basePoints", file.model().basePoints());
    model.put("minScore", file.model().minScore());
    model.put("maxScore", file.model().maxScore());
    List<Object> cs = new ArrayList<>();
    for (ScorecardModel.Characteristic c : file.model().characteristics()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", c.name());
      o.put("scale", c.scale());
      o.put("min", c.min());
      o.put("max", c.max());
      o.put("missingValue", c.missingValue());
      o.put("upperEdges", c.upperEdges());
      o.put("points", c.points());
      cs.add(o);
    }
    model.put("characteristics", cs);
    root.put("model", model);
    List<Object> vs = new ArrayList<>();
    for (Vector v : file.vectors()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("note", v.note());
      if (v.modelId() != null) {
        o.put("mode", "public");
        o.put("modelId", HEX.formatHex(v.modelId()));
      } else {
        o.put("mode", "private");
        o.put("modelCommitment", HEX.formatHex(v.modelCommitment()));
      }
      o.put("context", HEX.formatHex(v.context()));
      o.put("featureCommitments", v.featureCommitments().stream().map(HEX::formatHex).toList());
      o.put("scoreCommitment", HEX.formatHex(v.scoreCommitment()));
      o.put("proof", HEX.formatHex(v.proof()));
      o.put("valid", v.valid());
      vs.add(o);
    }
    root.put("vectors", vs);
    Files.writeString(FILE, JSON.writeValueAsString(root) + "\n");
  }

  static File read() throws IOException {
    try (var in = InferenceVectors.class.getResourceAsStream(RESOURCE)) {
      JsonNode root = JSON.readTree(in);
      JsonNode mj = root.get("model");
      List<ScorecardModel.Characteristic> cs = new ArrayList<>();
      for (JsonNode c : mj.get("characteristics")) {
        List<Double> edges = new ArrayList<>();
        c.get("upperEdges").forEach(e -> edges.add(e.asDouble()));
        List<Long> points = new ArrayList<>();
        c.get("points").forEach(p -> points.add(p.asLong()));
        cs.add(
            new ScorecardModel.Characteristic(
                c.get("name").asText(),
                c.get("scale").asLong(),
                c.get("min").asDouble(),
                c.get("max").asDouble(),
                c.get("missingValue").asDouble(),
                edges,
                points));
      }
      ScorecardModel model =
          new ScorecardModel(
              mj.get("basePoints").asLong(),
              mj.get("minScore").asLong(),
              mj.get("maxScore").asLong(),
              cs);
      List<Vector> out = new ArrayList<>();
      for (JsonNode o : root.get("vectors")) {
        List<byte[]> fcs = new ArrayList<>();
        o.get("featureCommitments").forEach(f -> fcs.add(HEX.parseHex(f.asText())));
        boolean pub = o.get("mode").asText().equals("public");
        out.add(
            new Vector(
                o.get("note").asText(),
                pub ? HEX.parseHex(o.get("modelId").asText()) : null,
                pub ? null : HEX.parseHex(o.get("modelCommitment").asText()),
                HEX.parseHex(o.get("context").asText()),
                fcs,
                HEX.parseHex(o.get("scoreCommitment").asText()),
                HEX.parseHex(o.get("proof").asText()),
                o.get("valid").asBoolean()));
      }
      return new File(model, out);
    }
  }
}
