package io.credence.auth;

/** What a nonce may be spent on; a nonce fetched for one purpose is refused for the other. */
public enum NoncePurpose {
  SIGN_IN("sign-in"),
  LINK("link");

  private final String code;

  NoncePurpose(String code) {
    this.code = code;
  }

  /** The stored and query-parameter form: {@code sign-in} or {@code link}. */
  public String code() {
    return code;
  }

  /**
   * @throws IllegalArgumentException for anything but {@code sign-in} or {@code link}
   */
  public static NoncePurpose fromCode(String code) {
    for (NoncePurpose purpose : values()) {
      if (purpose.code.equals(code)) {
        return purpose;
      }
    }
    throw new IllegalArgumentException("unknown nonce purpose");
  }
}
