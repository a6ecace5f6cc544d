package io.credence.borrower.web;

import java.util.Locale;

/**
 * The wallet a sign-in message claims (its second line), for per-wallet rate limits before any
 * parsing or signature work. Unverified: it only chooses which counter a request is charged to.
 */
final class ClaimedWallet {

  private static final int MAX = 64;

  private ClaimedWallet() {}

  static String of(String message) {
    if (message == null) {
      return "none";
    }
    int first = message.indexOf('\n');
    if (first < 0) {
      return "none";
    }
    int second = message.indexOf('\n', first + 1);
    String line = message.substring(first + 1, second < 0 ? message.length() : second).strip();
    if (line.isEmpty()) {
      return "none";
    }
    // EVM addresses are case-insensitive; checksum case must not buy a fresh counter.
    String key = line.startsWith("0x") ? line.toLowerCase(Locale.ROOT) : line;
    return key.length() > MAX ? key.substring(0, MAX) : key;
  }
}
