package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed with an independent keccak implementation (js-sha3) from the layout in
 * docs/zk-protocol.md §5, so the Solidity transcript can be checked against the same numbers.
 */
class TranscriptTest {

  @Test
  void initialStateMatchesTheDocumentedLayout() {
    assertThat(Bytes.hex(Transcript.create("credence/test/v1").state()))
        .isEqualTo("b311324ca27084e4cdd05cd982c559a7c1000feca4a8fe2e7aafe1fede03def7");
  }

  @Test
  void goldenVectorTranscriptStartsFromTheDocumentedState() {
    assertThat(Bytes.hex(Transcript.create(GoldenVectors.APP_LABEL).state()))
        .isEqualTo("e85e95e7da4c11a0441af9c3fed4322dc62929ec2f904514ccf0edf4264c6946");
  }

  @Test
  void appendAndChallengeMatchTheDocumentedLayout() throws Exception {
    Transcript t = Transcript.create("credence/test/v1");
    t.append("context", Bytes.ascii("hello"));
    assertThat(Bytes.hex(t.state()))
        .isEqualTo("b7bbdb0b9832c584e430f860c07b75a23317164a6e74742b221656eea4c3b773");
    assertThat(t.challenge("y"))
        .isEqualTo(
            new BigInteger(
                "18336762723730213549927864612516242809463555755885487599195834000683521630269"));
  }

  @Test
  void challengesDependOnLabelsOrderAndApplication() throws Exception {
    Transcript a = Transcript.create("app-a");
    Transcript b = Transcript.create("app-b");
    assertThat(a.copy().challenge("x")).isNotEqualTo(b.copy().challenge("x"));
    assertThat(a.copy().challenge("x")).isNotEqualTo(a.copy().challenge("y"));
    Transcript ab = a.copy();
    ab.append("1", new byte[] {1});
    ab.append("2", new byte[] {2});
    Transcript ba = a.copy();
    ba.append("2", new byte[] {2});
    ba.append("1", new byte[] {1});
    assertThat(ab.challenge("c")).isNotEqualTo(ba.challenge("c"));
  }

  @Test
  void lengthPrefixesSeparateLabelFromMessage() throws Exception {
    Transcript t1 = Transcript.create("app");
    t1.append("ab", Bytes.ascii("c"));
    Transcript t2 = Transcript.create("app");
    t2.append("a", Bytes.ascii("bc"));
    assertThat(t1.challenge("x")).isNotEqualTo(t2.challenge("x"));
  }

  @Test
  void copyIsIndependent() throws Exception {
    Transcript t = Transcript.create("app");
    Transcript c = t.copy();
    t.append("m", new byte[] {1});
    assertThat(c.state()).isNotEqualTo(t.state());
  }

  @Test
  void rejectsNonAsciiOrEmptyLabels() {
    assertThatThrownBy(() -> Transcript.create("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Transcript.create("app").append("é", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
