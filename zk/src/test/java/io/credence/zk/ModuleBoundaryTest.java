package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** zk is plain Java + Bouncy Castle: no Spring, JPA, web3j or logging of any kind. */
class ModuleBoundaryTest {

  @Test
  void mainSourcesImportOnlyTheJdkAndBouncyCastle() throws IOException {
    List<String> offending;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      offending =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(
                  p -> {
                    try {
                      return Files.readAllLines(p).stream()
                          .filter(l -> l.startsWith("import "))
                          .filter(
                              l ->
                                  !l.startsWith("import java.")
                                      && !l.startsWith("import static java.")
                                      && !l.startsWith("import org.bouncycastle.")
                                      && !l.startsWith("import io.credence.zk.")
                                      && !l.startsWith("import static io.credence.zk."))
                          .map(l -> p.getFileName() + ": " + l);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }
    assertThat(offending).isEmpty();
  }
}
