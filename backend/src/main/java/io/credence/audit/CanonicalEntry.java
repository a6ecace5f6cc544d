package io.credence.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The byte string an entry's hash covers. Fields are length-prefixed (4-byte big-endian length,
 * then UTF-8), so no two different entries share an encoding; times are UTC ISO-8601 with exactly
 * microseconds, the precision PostgreSQL stores.
 */
final class CanonicalEntry {

  static final String VERSION = "credence-audit-v1";
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private CanonicalEntry() {}

  static Instant truncate(Instant time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  static byte[] hash(
      byte[] prevHash,
      long seq,
      Instant occurredAt,
      String type,
      String actor,
      String subject,
      String details) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prevHash);
    field(out, VERSION);
    field(out, Long.toString(seq));
    field(out, MICROS.format(occurredAt));
    field(out, type);
    field(out, actor == null ? "" : actor);
    field(out, subject == null ? "" : subject);
    field(out, details);
    try {
      return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sorted keys, escaped JSON strings: the same map always gives the same text. */
  static String details(Map<String, String> details) {
    StringBuilder json = new StringBuilder("{");
    details.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              if (json.length() > 1) {
                json.append(',');
              }
              quote(json, e.getKey());
              json.append(':');
              quote(json, e.getValue());
            });
    return json.append('}').toString();
  }

  private static void quote(StringBuilder json, String value) {
    json.append('"');
    for (char c : (value == null ? "" : value).toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
