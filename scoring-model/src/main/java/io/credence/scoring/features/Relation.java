package io.credence.scoring.features;

/**
 * How a {@link RelatedWallet} is linked to one of the borrower's linked wallets: by direct
 * transfers of a tracked market's asset (ERC-20 {@code Transfer} logs with the linked wallet as
 * {@code from} or {@code to}).
 */
public enum Relation {
  /** The related wallet sent value to the linked wallet. */
  FUNDED_BY("funded-by"),
  /** The related wallet received value from the linked wallet. */
  FUNDED("funded"),
  /** Transfers were seen in both directions. */
  BOTH("both");

  private final String formatName;

  Relation(String formatName) {
    this.formatName = formatName;
  }

  /**
   * The name used in the {@code credence-history} format ({@code docs/history-format.md}): {@code
   * funded-by}, {@code funded} or {@code both}.
   */
  public String formatName() {
    return formatName;
  }

  /**
   * The relation with this history-format name.
   *
   * @throws IllegalArgumentException if {@code name} is not {@code funded-by}, {@code funded} or
   *     {@code both} (exact, lower case)
   */
  public static Relation fromFormatName(String name) {
    for (Relation r : values()) {
      if (r.formatName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "relation must be one of funded-by, funded, both, was '" + name + "'");
  }
}
