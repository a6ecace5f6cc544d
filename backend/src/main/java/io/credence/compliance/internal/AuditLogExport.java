package io.credence.compliance.internal;

import io.credence.audit.AuditFilter;
import io.credence.audit.AuditSearch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the filtered audit log as CSV or JSON, oldest first, streaming (the log is never held in
 * memory whole).
 *
 * <p>CSV cells are quoted per RFC 4180, and a cell that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) is prefixed with {@code '}: an actor or
 * detail an attacker got into the log must not execute in the officer's spreadsheet. The JSON
 * export is exact (no prefixing), so hashes are recomputed from it.
 */
@Component
public class AuditLogExport {

  static final String CSV_HEADER =
      "seq,occurred_at,event_type,actor,subject,details,prev_hash,hash\r\n";

  private final AuditSearch search;
  private final JsonMapper json;

  AuditLogExport(AuditSearch search, JsonMapper json) {
    this.search = search;
    this.json = json;
  }

  /** Writes CSV (UTF-8, CRLF line ends, a header row). */
  public void csv(AuditFilter filter, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(CSV_HEADER);
    try {
      search.forEach(
          filter,
          e -> {
            try {
              w.write(
                  String.join(
                          ",",
                          Long.toString(e.seq()),
                          e.occurredAt().toString(),
                          cell(e.type()),
                          cell(e.actor()),
                          cell(e.subject()),
                          cell(e.details()),
                          hex(e.prevHash()),
                          hex(e.hash()))
                      + "\r\n");
            } catch (IOException io) {
              throw new UncheckedIOException(io);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.flush();
  }

  /** Writes a JSON array of entries (the same shape as the audit API's entries). */
  public void json(AuditFilter filter, OutputStream out) {
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartArray();
      search.forEach(filter, e -> json.writeValue(g, AuditEntryView.of(e, json)));
      g.writeEndArray();
    }
  }

  /** One CSV cell: neutralised if a spreadsheet would read it as a formula, then quoted. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    char first = v.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0
        || !v.equals(value)) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
