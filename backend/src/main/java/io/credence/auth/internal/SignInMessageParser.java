package io.credence.auth.internal;

import io.credence.auth.ChainFamily;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * Strict parser for the EIP-4361 message grammar (and its Solana twin). Anything the ABNF does not
 * allow — a missing or reordered field, a stray carriage return, a trailing newline, an address
 * without its EIP-55 checksum — is refused as {@link SignInFailure#MALFORMED_MESSAGE}.
 */
public final class SignInMessageParser {

  static final int MAX_LENGTH = 4096;

  private static final String HEADER_TAIL = " wants you to sign in with your %s account:";
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  // RFC 3986 authority characters; the value is later compared exactly with the expected domain.
  private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=:@\\[\\]-]+");
  private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern STATEMENT =
      Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;= ]*");
  private static final Pattern EVM_CHAIN_ID = Pattern.compile("[0-9]{1,19}");
  private static final Pattern SOLANA_CHAIN_ID = Pattern.compile("[a-z0-9][a-z0-9:-]{0,63}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,64}");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9\\-._~%!$&'()*+,;=:@]*");

  private SignInMessageParser() {}

  public static SignInMessage parse(String text, ChainFamily family) {
    if (text == null || text.isEmpty()) {
      throw malformed("the message is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw malformed("the message is longer than " + MAX_LENGTH + " characters");
    }
    if (text.indexOf('\r') >= 0) {
      throw malformed("lines must end with LF only");
    }
    Lines lines = new Lines(text.split("\n", -1));

    String header = lines.next("the header line");
    String tail = HEADER_TAIL.formatted(family.accountWord());
    if (!header.endsWith(tail)) {
      throw malformed("the first line must end with '" + tail.strip() + "'");
    }
    String origin = header.substring(0, header.length() - tail.length());
    Optional<String> scheme = Optional.empty();
    int sep = origin.indexOf("://");
    if (sep >= 0) {
      scheme = Optional.of(require(origin.substring(0, sep), SCHEME, "scheme"));
      origin = origin.substring(sep + 3);
    }
    String domain = require(origin, AUTHORITY, "domain");

    String address = address(lines.next("the address line"), family);
    lines.expectBlank();
    Optional<String> statement = Optional.empty();
    String line = lines.next("the URI line");
    if (!line.isEmpty()) {
      statement = Optional.of(require(line, STATEMENT, "statement"));
      lines.expectBlank();
    }
    URI uri = uri(lines.field("URI"));
    String version = lines.field("Version");
    String chainId =
        require(
            lines.field("Chain ID"),
            family == ChainFamily.EVM ? EVM_CHAIN_ID : SOLANA_CHAIN_ID,
            "Chain ID");
    String nonce = require(lines.field("Nonce"), NONCE, "Nonce");
    Instant issuedAt = time(lines.field("Issued At"), "Issued At");
    Optional<Instant> expiration =
        lines.optionalField("Expiration Time").map(v -> time(v, "Expiration Time"));
    Optional<Instant> notBefore = lines.optionalField("Not Before").map(v -> time(v, "Not Before"));
    Optional<String> requestId =
        lines.optionalField("Request ID").map(v -> require(v, REQUEST_ID, "Request ID"));
    List<URI> resources = new ArrayList<>();
    if (lines.hasNext()) {
      if (!lines.next("Resources").equals("Resources:")) {
        throw malformed("unexpected line after the known fields");
      }
      while (lines.hasNext()) {
        String resource = lines.next("a resource");
        if (!resource.startsWith("- ")) {
          throw malformed("each resource must be a line starting with '- '");
        }
        resources.add(uri(resource.substring(2)));
      }
    }
    return new SignInMessage(
        scheme,
        domain,
        family,
        address,
        statement,
        uri,
        version,
        chainId,
        nonce,
        issuedAt,
        expiration,
        notBefore,
        requestId,
        List.copyOf(resources));
  }

  private static String address(String value, ChainFamily family) {
    if (family == ChainFamily.EVM) {
      require(value, EVM_ADDRESS, "address");
      if (!Keys.toChecksumAddress(value).equals(value)) {
        throw malformed("the address must be in EIP-55 mixed-case checksum form");
      }
      return value;
    }
    byte[] key;
    try {
      key = Base58.decode(value);
    } catch (IllegalArgumentException e) {
      throw malformed("the address is not base58");
    }
    if (key.length != 32) {
      throw malformed("a Solana address is a 32-byte base58 public key");
    }
    return value;
  }

  private static URI uri(String value) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute()) {
        throw malformed("URI must be absolute");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw malformed("URI is not an RFC 3986 URI");
    }
  }

  private static Instant time(String value, String field) {
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw malformed(field + " is not an RFC 3339 date-time");
    }
  }

  private static String require(String value, Pattern pattern, String what) {
    if (!pattern.matcher(value).matches()) {
      throw malformed(what + " is not well-formed");
    }
    return value;
  }

  private static SignInRejectedException malformed(String detail) {
    return new SignInRejectedException(SignInFailure.MALFORMED_MESSAGE, detail);
  }

  private static final class Lines {
    private final String[] lines;
    private int index;

    Lines(String[] lines) {
      this.lines = lines;
    }

    boolean hasNext() {
      return index < lines.length;
    }

    String next(String what) {
      if (!hasNext()) {
        throw malformed("the message ends before " + what);
      }
      return lines[index++];
    }

    void expectBlank() {
      if (!next("a blank line").isEmpty()) {
        throw malformed("a blank line is missing");
      }
    }

    String field(String name) {
      String line = next("'" + name + ":'");
      String prefix = name + ": ";
      if (!line.startsWith(prefix)) {
        throw malformed("expected '" + name + ":' at line " + index);
      }
      return line.substring(prefix.length());
    }

    Optional<String> optionalField(String name) {
      if (hasNext() && lines[index].startsWith(name + ": ")) {
        return Optional.of(field(name));
      }
      return Optional.empty();
    }
  }
}
