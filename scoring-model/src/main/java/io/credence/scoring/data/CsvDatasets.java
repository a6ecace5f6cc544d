package io.credence.scoring.data;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.FeatureVector;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labelled borrower CSV files: one row per borrower, a header naming every feature column ({@link
 * Feature#column()}) and the label column {@value #LABEL}, with {@code 1} for a default and {@code
 * 0} otherwise. Other columns (an id, say) are ignored; an empty feature cell is a missing value
 * and gets the feature's documented treatment (the riskiest value); a value outside a feature's
 * range is refused. UTF-8, comma-separated, optional double quotes.
 */
public final class CsvDatasets {

  /** Name of the label column. */
  public static final String LABEL = "defaulted";

  /** Fewest rows accepted for training. */
  public static final int MIN_TRAINING_ROWS = 200;

  /** Fewest rows of each class accepted for training. */
  public static final int MIN_ROWS_PER_CLASS = 20;

  private CsvDatasets() {}

  /**
   * Reads a labelled CSV and checks it is fit for training: enough rows and both classes present.
   *
   * @throws InvalidDatasetException if a column is missing, a cell is not a number, a label is not
   *     0 or 1, there are fewer than {@value #MIN_TRAINING_ROWS} rows, or either class has fewer
   *     than {@value #MIN_ROWS_PER_CLASS} rows
   * @throws IOException if the file cannot be read
   */
  public static LabelledDataset readForTraining(Path file) throws IOException {
    LabelledDataset data = read(file);
    if (data.size() < MIN_TRAINING_ROWS) {
      throw new InvalidDatasetException(
          file
              + ": too few rows to train: "
              + data.size()
              + " (need at least "
              + MIN_TRAINING_ROWS
              + ")");
    }
    long defaults = data.defaults();
    if (defaults == 0 || defaults == data.size()) {
      throw new InvalidDatasetException(
          file
              + ": the label column '"
              + LABEL
              + "' has a single class (every row is "
              + (defaults == 0 ? "0" : "1")
              + "); a model needs both defaults and non-defaults");
    }
    long minority = Math.min(defaults, data.size() - defaults);
    if (minority < MIN_ROWS_PER_CLASS) {
      throw new InvalidDatasetException(
          file
              + ": too few rows of the minority class: "
              + minority
              + " (need at least "
              + MIN_ROWS_PER_CLASS
              + ")");
    }
    return data;
  }

  /**
   * Reads a labelled CSV without training checks (for evaluation).
   *
   * @throws InvalidDatasetException if a column is missing, a cell is not a number or outside its
   *     feature's range, or a label is not 0 or 1
   * @throws IOException if the file cannot be read
   */
  public static LabelledDataset read(Path file) throws IOException {
    List<LabelledBorrower> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        throw new InvalidDatasetException(file + ": empty file, expected a header row");
      }
      List<String> header = split(stripBom(headerLine));
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = new ArrayList<>();
      for (Feature f : FeatureSchema.FEATURES) {
        if (!index.containsKey(f.column())) {
          missing.add(f.column());
        }
      }
      if (!index.containsKey(LABEL)) {
        missing.add(LABEL);
      }
      if (!missing.isEmpty()) {
        throw new InvalidDatasetException(file + ": missing required columns: " + missing);
      }
      int labelIndex = index.get(LABEL);
      String line;
      int lineNumber = 1;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = split(line);
        if (cells.size() < header.size()) {
          throw new InvalidDatasetException(
              file
                  + " line "
                  + lineNumber
                  + ": expected "
                  + header.size()
                  + " cells, found "
                  + cells.size());
        }
        double[] values = new double[FeatureSchema.FEATURES.size()];
        for (Feature f : FeatureSchema.FEATURES) {
          double raw = number(cells.get(index.get(f.column())), f.column(), file, lineNumber);
          try {
            values[f.ordinal()] = f.validate(raw);
          } catch (IllegalArgumentException e) {
            throw new InvalidDatasetException(file + " line " + lineNumber + ": " + e.getMessage());
          }
        }
        String label = cells.get(labelIndex).strip();
        if (!label.equals("0") && !label.equals("1")) {
          throw new InvalidDatasetException(
              file
                  + " line "
                  + lineNumber
                  + ": column '"
                  + LABEL
                  + "' must be 0 or 1, found '"
                  + label
                  + "'");
        }
        rows.add(new LabelledBorrower(FeatureVector.of(values), label.equals("1")));
      }
    }
    return new LabelledDataset(
        "CSV " + file.getFileName() + " (sha256 " + sha256(file) + ", " + rows.size() + " rows)",
        rows);
  }

  /**
   * Writes a labelled CSV that {@link #read} accepts (features in schema order, then the label).
   *
   * @throws IOException if writing fails
   */
  public static void write(LabelledDataset data, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder();
      for (Feature f : FeatureSchema.FEATURES) {
        header.append(f.column()).append(',');
      }
      out.write(header.append(LABEL).append('\n').toString());
      StringBuilder row = new StringBuilder();
      for (LabelledBorrower b : data.rows()) {
        row.setLength(0);
        for (Feature f : FeatureSchema.FEATURES) {
          row.append(format(b.features().get(f))).append(',');
        }
        out.write(row.append(b.defaulted() ? '1' : '0').append('\n').toString());
      }
    }
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static double number(String cell, String column, Path file, int line) {
    String text = cell.strip();
    if (text.isEmpty()) {
      return Double.NaN; // missing: the schema's documented treatment applies
    }
    try {
      double v = Double.parseDouble(text);
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidDatasetException(
          file + " line " + line + ": column '" + column + "' is not a number: '" + text + "'");
    }
  }

  /** Splits one CSV line; fields may be double-quoted with {@code ""} as an escaped quote. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static String sha256(Path file) throws IOException {
    try (var in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
