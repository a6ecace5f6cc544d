package io.credence.attestations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends measured gas to {@code target/gas-report.tsv} (label, gas). Tests record numbers; they
 * never assert on them. docs/benchmarks.md is written from this file.
 */
final class GasReport {

  static final Path FILE = Path.of("target", "gas-report.tsv");

  private GasReport() {}

  static synchronized void record(String label, BigInteger gas) {
    try {
      Files.writeString(
          FILE,
          label + "\t" + gas + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
