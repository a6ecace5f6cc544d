package io.credence.scoring.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.FeatureVector;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a feature vector from JSON: {@code {"featureSchemaVersion": "1", "features":
 * {"wallet_age_days": 812, ...}}}. Absent or null features are missing and get the riskiest value;
 * unknown names, non-numbers, values outside a feature's range and another schema version are
 * errors (nothing is clamped).
 */
final class FeatureVectorJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FeatureVectorJson() {}

  static FeatureVector parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "feature vector is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("feature vector must be a JSON object");
    }
    JsonNode version = root.get("featureSchemaVersion");
    if (version != null && "1".equals(version.asText())) {
      throw new IllegalArgumentException(FeatureSchema.RETIRED_VERSIONS_MESSAGE);
    }
    if (version != null && !FeatureSchema.VERSION.equals(version.asText())) {
      throw new IllegalArgumentException(
          "feature schema version " + version.asText() + " is not " + FeatureSchema.VERSION);
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isObject()) {
      throw new IllegalArgumentException("missing object 'features'");
    }
    Map<Feature, Double> values = new EnumMap<>(Feature.class);
    for (Map.Entry<String, JsonNode> e : features.properties()) {
      Feature f = Feature.byColumn(e.getKey());
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (!v.isNumber()) {
        throw new IllegalArgumentException("feature '" + e.getKey() + "' is not a number: " + v);
      }
      values.put(f, v.asDouble());
    }
    return FeatureVector.validated(values);
  }

  static String write(FeatureVector vector) {
    var root = JSON.createObjectNode();
    root.put("featureSchemaVersion", FeatureSchema.VERSION);
    var features = root.putObject("features");
    vector.toColumnMap().forEach(features::put);
    return root.toPrettyString() + "\n";
  }
}
