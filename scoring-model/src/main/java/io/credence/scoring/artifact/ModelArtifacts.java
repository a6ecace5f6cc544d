package io.credence.scoring.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.BandScheme;
import io.credence.scoring.scorecard.Characteristic;
import io.credence.scoring.scorecard.ScoreScaling;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.scorecard.ScorecardDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes model artifacts: UTF-8 JSON in the {@value #FORMAT} format, version {@value
 * #FORMAT_VERSION} (documented in {@code docs/model-card.md}). The model id is the lower-case hex
 * SHA-256 of the artifact's bytes; {@link #save} writes it next to the artifact in a {@code
 * .sha256} file ({@code sha256sum} format) and every load checks it.
 */
public final class ModelArtifacts {

  public static final String FORMAT = "credence-scorecard";
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ModelArtifacts() {}

  /** A loaded model: the scorecard to score with and the artifact it came from. */
  public record LoadedModel(Scorecard scorecard, ModelArtifact artifact) {}

  /** Encodes an artifact deterministically: equal artifacts give identical bytes. */
  public static byte[] encode(ModelArtifact artifact) {
    ScorecardDefinition d = artifact.scorecard();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("featureSchemaVersion", d.featureSchemaVersion());
    ObjectNode scaling = root.putObject("scaling");
    scaling.put("anchorScore", d.scaling().anchorScore());
    scaling.put("anchorOdds", d.scaling().anchorOdds());
    scaling.put("pointsToDoubleOdds", d.scaling().pointsToDoubleOdds());
    scaling.put("minScore", d.scaling().minScore());
    scaling.put("maxScore", d.scaling().maxScore());
    ArrayNode bands = root.putArray("bands");
    for (Band b : d.bands().bands()) {
      bands
          .addObject()
          .put("name", b.name())
          .put("minScore", b.minScore())
          .put("maxScore", b.maxScore());
    }
    root.put("baseScore", d.baseScore());
    root.put("intercept", d.intercept());
    ArrayNode characteristics = root.putArray("characteristics");
    for (Characteristic c : d.characteristics()) {
      ObjectNode n = characteristics.addObject();
      n.put("feature", c.feature().column());
      c.upperEdges().forEach(n.putArray("upperEdges")::add);
      c.points().forEach(n.putArray("points")::add);
      c.coefficients().forEach(n.putArray("coefficients")::add);
    }
    ArtifactProvenance p = artifact.provenance();
    ObjectNode provenance = root.putObject("provenance");
    provenance.put("trainingData", p.trainingData());
    provenance.put("trainingRows", p.trainingRows());
    provenance.put("seed", p.seed());
    provenance.put("featureSchemaVersion", p.featureSchemaVersion());
    provenance.set("trainerConfig", sorted(JSON.valueToTree(p.trainerConfig())));
    provenance.set("tribuo", sorted(JSON.valueToTree(p.tribuoProvenance())));
    try {
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
      String text = JSON.writer(printer).writeValueAsString(root) + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode artifact", e);
    }
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String modelId(byte[] artifactBytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifactBytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * Writes the artifact to {@code file} and its id to {@code file + ".sha256"}.
   *
   * @return the model id
   * @throws IOException if writing fails
   */
  public static String save(ModelArtifact artifact, Path file) throws IOException {
    byte[] bytes = encode(artifact);
    String id = modelId(bytes);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, bytes);
    Files.writeString(
        checksumFile(file), id + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
    return id;
  }

  /** Classpath location of the bundled synthetic model (see {@code docs/model-card.md}). */
  public static final String BUNDLED_MODEL = "/io/credence/scoring/model/scorecard.json";

  /**
   * Loads the model bundled with this module, trained on synthetic data, checking it against the
   * bundled {@code .sha256} id. Suitable for demos and tests; production should load the model its
   * registry names with {@link #load(Path, String)}.
   *
   * @throws ModelIntegrityException if the bundled model is missing or does not match its id
   */
  public static LoadedModel loadBundled() {
    try (var model = ModelArtifacts.class.getResourceAsStream(BUNDLED_MODEL);
        var id = ModelArtifacts.class.getResourceAsStream(BUNDLED_MODEL + ".sha256")) {
      if (model == null || id == null) {
        throw new ModelIntegrityException("bundled model " + BUNDLED_MODEL + " is missing");
      }
      String expected =
          new String(id.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+", 2)[0];
      return decode(model.readAllBytes(), expected);
    } catch (IOException e) {
      throw new ModelIntegrityException("cannot read bundled model", e);
    }
  }

  /**
   * Loads an artifact and checks its bytes against the id in the {@code .sha256} file beside it.
   *
   * @throws ModelIntegrityException if the checksum file is missing, the id does not match or the
   *     content is malformed
   * @throws IOException if reading fails
   */
  public static LoadedModel load(Path file) throws IOException {
    Path checksum = checksumFile(file);
    if (!Files.exists(checksum)) {
      throw new ModelIntegrityException("missing model id file " + checksum);
    }
    String line = Files.readString(checksum, StandardCharsets.UTF_8).strip();
    return load(file, line.split("\\s+", 2)[0]);
  }

  /**
   * Loads an artifact and checks its bytes against an expected model id (for instance the one the
   * model registry recorded).
   *
   * @throws ModelIntegrityException if the id does not match or the content is malformed
   * @throws IOException if reading fails
   */
  public static LoadedModel load(Path file, String expectedModelId) throws IOException {
    return decode(Files.readAllBytes(file), expectedModelId);
  }

  /**
   * Decodes artifact bytes after checking them against an expected model id.
   *
   * @throws ModelIntegrityException if the id does not match, the content is malformed or the
   *     artifact was trained on a retired feature schema (schema 1: refused with a message that
   *     says so)
   */
  public static LoadedModel decode(byte[] bytes, String expectedModelId) {
    String actual = modelId(bytes);
    if (!actual.equals(expectedModelId.toLowerCase(Locale.ROOT))) {
      throw new ModelIntegrityException(
          "model id mismatch: expected "
              + expectedModelId
              + " but the artifact hashes to "
              + actual);
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      if (!FORMAT.equals(text(root, "format"))
          || root.path("formatVersion").asInt() != FORMAT_VERSION) {
        throw new ModelIntegrityException(
            "not a " + FORMAT + " v" + FORMAT_VERSION + " artifact: " + root.path("format"));
      }
      if ("1".equals(root.path("featureSchemaVersion").asText())) {
        throw new ModelIntegrityException(
            "refusing model artifact: " + FeatureSchema.RETIRED_VERSIONS_MESSAGE);
      }
      JsonNode s = required(root, "scaling");
      ScoreScaling scaling =
          new ScoreScaling(
              required(s, "anchorScore").asInt(),
              required(s, "anchorOdds").asDouble(),
              required(s, "pointsToDoubleOdds").asDouble(),
              required(s, "minScore").asInt(),
              required(s, "maxScore").asInt());
      List<Band> bands = new ArrayList<>();
      for (JsonNode b : required(root, "bands")) {
        bands.add(
            new Band(
                text(b, "name"), required(b, "minScore").asInt(), required(b, "maxScore").asInt()));
      }
      List<Characteristic> characteristics = new ArrayList<>();
      for (JsonNode c : required(root, "characteristics")) {
        characteristics.add(
            new Characteristic(
                Feature.byColumn(text(c, "feature")),
                doubles(required(c, "upperEdges")),
                ints(required(c, "points")),
                doubles(required(c, "coefficients"))));
      }
      ScorecardDefinition definition =
          new ScorecardDefinition(
              text(root, "featureSchemaVersion"),
              scaling,
              new BandScheme(bands),
              required(root, "baseScore").asInt(),
              required(root, "intercept").asDouble(),
              characteristics);
      JsonNode p = required(root, "provenance");
      TypeReference<Map<String, Object>> mapType = new TypeReference<>() {};
      ArtifactProvenance provenance =
          new ArtifactProvenance(
              text(p, "trainingData"),
              required(p, "trainingRows").asLong(),
              required(p, "seed").asLong(),
              JSON.convertValue(required(p, "trainerConfig"), mapType),
              text(p, "featureSchemaVersion"),
              JSON.convertValue(required(p, "tribuo"), mapType));
      return new LoadedModel(
          new Scorecard(definition, actual), new ModelArtifact(definition, provenance));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelIntegrityException("malformed model artifact: " + e.getMessage(), e);
    }
  }

  private static Path checksumFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".sha256");
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new ModelIntegrityException("malformed model artifact: missing '" + field + "'");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asDouble()));
    return out;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }

  /**
   * Sorts object keys of maps (whose iteration order is unspecified) so the bytes are
   * deterministic.
   */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        copy.set(name, sorted(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(n -> copy.add(sorted(n)));
      return copy;
    }
    return node;
  }
}
