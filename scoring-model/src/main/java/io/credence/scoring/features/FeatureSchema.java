package io.credence.scoring.features;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The versioned feature schema: the list of {@link Feature}s and the rules shared by them. */
public final class FeatureSchema {

  /**
   * Schema version. Bump it when a feature is added, removed, reordered or its definition changes;
   * a model artifact records the version it was trained on and refuses other versions.
   */
  public static final String VERSION = "1";

  /** Features in vector order. */
  public static final List<Feature> FEATURES = List.of(Feature.values());

  /** Asset symbols counted as stablecoins (upper case). */
  public static final Set<String> STABLECOINS =
      Set.of(
          "USDC", "USDC.E", "USDT", "DAI", "USDS", "FRAX", "LUSD", "GHO", "PYUSD", "USDE", "CRVUSD",
          "USDBC");

  private FeatureSchema() {}

  /** Whether an asset symbol is a stablecoin (case-insensitive). */
  public static boolean isStablecoin(String asset) {
    return STABLECOINS.contains(asset.toUpperCase(Locale.ROOT));
  }
}
