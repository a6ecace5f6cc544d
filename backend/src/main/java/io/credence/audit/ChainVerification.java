package io.credence.audit;

import java.util.OptionalLong;

/**
 * The outcome of walking the audit chain end to end.
 *
 * @param entriesChecked how many entries were recomputed
 * @param firstBrokenSeq the first entry whose link or hash does not match, if any
 * @param problem what was wrong there
 */
public record ChainVerification(long entriesChecked, OptionalLong firstBrokenSeq, String problem) {

  public boolean intact() {
    return firstBrokenSeq.isEmpty();
  }

  static ChainVerification intact(long checked) {
    return new ChainVerification(checked, OptionalLong.empty(), null);
  }

  static ChainVerification broken(long checked, long seq, String problem) {
    return new ChainVerification(checked, OptionalLong.of(seq), problem);
  }
}
