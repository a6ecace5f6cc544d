package io.credence.scoring.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.FeatureVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetsTest {

  @TempDir Path dir;

  static String header() {
    return FeatureSchema.FEATURES.stream().map(Feature::column).collect(Collectors.joining(","))
        + ",defaulted";
  }

  static String row(int i, int label) {
    List<String> cells = new ArrayList<>();
    for (Feature f : FeatureSchema.FEATURES) {
      cells.add(Double.toString(Math.min(f.max(), (i % 7) / 7.0)));
    }
    return String.join(",", cells) + "," + label;
  }

  Path csv(String header, int rows, int defaultsEvery) throws IOException {
    StringBuilder s = new StringBuilder(header).append('\n');
    for (int i = 0; i < rows; i++) {
      s.append(row(i, defaultsEvery > 0 && i % defaultsEvery == 0 ? 1 : 0)).append('\n');
    }
    Path file = dir.resolve("borrowers.csv");
    Files.writeString(file, s);
    return file;
  }

  @Test
  void writtenDataReadsBackIdentically() throws IOException {
    List<LabelledBorrower> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double[] v = new double[FeatureSchema.FEATURES.size()];
      for (int j = 0; j < v.length; j++) {
        v[j] = (i * 31 + j * 7) % 13 / 17.0;
      }
      rows.add(new LabelledBorrower(FeatureVector.of(v), i % 5 == 0));
    }
    Path file = dir.resolve("out.csv");
    CsvDatasets.write(new LabelledDataset("test", rows), file);

    LabelledDataset read = CsvDatasets.readForTraining(file);

    assertThat(read.rows()).isEqualTo(rows);
    assertThat(read.description()).startsWith("CSV out.csv (sha256 ").endsWith("300 rows)");
  }

  @Test
  void extraColumnsAreIgnoredAndEmptyCellsAreMissing() throws IOException {
    String header = "borrower_id," + header();
    String cells = FeatureSchema.FEATURES.stream().map(f -> "").collect(Collectors.joining(","));
    Path file = dir.resolve("one.csv");
    Files.writeString(file, header + "\n\"b-1\"," + cells + ",1\n");

    LabelledBorrower only = CsvDatasets.read(file).rows().get(0);

    assertThat(only.defaulted()).isTrue();
    assertThat(only.features().get(Feature.MIN_HEALTH_FACTOR))
        .as("missing: the riskiest value, never the no-debt value")
        .isZero();
  }

  @Test
  void outOfRangeValuesAreRefusedNotClamped() throws IOException {
    String cells =
        FeatureSchema.FEATURES.stream()
            .map(f -> f == Feature.REPAID_SHARE ? "1.4" : "")
            .collect(Collectors.joining(","));
    Path file = dir.resolve("range.csv");
    Files.writeString(file, header() + "\n" + cells + ",0\n");

    assertThatThrownBy(() -> CsvDatasets.read(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining(
            "line 2: feature 'repaid_share' must be between 0 and 1 ratio, was 1.4");
  }

  @Test
  void missingColumnsAreNamed() throws IOException {
    Path file = csv(header().replace("peak_ltv,", "").replace(",defaulted", ""), 0, 0);

    assertThatThrownBy(() -> CsvDatasets.readForTraining(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("missing required columns: [peak_ltv, defaulted]");
  }

  @Test
  void nonNumericCellsNameTheLineAndColumn() throws IOException {
    Path file = csv(header(), 250, 3);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(5, lines.get(5).replaceFirst("^[0-9.]+,", "twelve,"));
    Files.write(file, lines);

    assertThatThrownBy(() -> CsvDatasets.readForTraining(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("line 6: column 'wallet_age_days' is not a number: 'twelve'");
  }

  @Test
  void labelsMustBeZeroOrOne() throws IOException {
    Path file = dir.resolve("label.csv");
    Files.writeString(file, header() + "\n" + row(1, 0).replaceFirst("0$", "yes") + "\n");

    assertThatThrownBy(() -> CsvDatasets.read(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("line 2: column 'defaulted' must be 0 or 1, found 'yes'");
  }

  @Test
  void aSingleClassLabelIsRejected() throws IOException {
    Path file = csv(header(), 300, 0);

    assertThatThrownBy(() -> CsvDatasets.readForTraining(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("single class (every row is 0)");
  }

  @Test
  void tooFewRowsAreRejected() throws IOException {
    Path file = csv(header(), 150, 3);

    assertThatThrownBy(() -> CsvDatasets.readForTraining(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("too few rows to train: 150 (need at least 200)");
  }

  @Test
  void tooFewRowsOfTheMinorityClassAreRejected() throws IOException {
    Path file = csv(header(), 300, 30); // 10 defaults

    assertThatThrownBy(() -> CsvDatasets.readForTraining(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("too few rows of the minority class: 10");
  }

  @Test
  void anEmptyFileIsRejected() throws IOException {
    Path file = dir.resolve("empty.csv");
    Files.writeString(file, "");

    assertThatThrownBy(() -> CsvDatasets.read(file))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("empty file");
  }
}
