package io.credence.attestations.lender;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credence.attestations.CredentialFormatException;
import io.credence.attestations.CredentialPackage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.web3j.abi.datatypes.Address;

/**
 * The lender CLI:
 *
 * <pre>
 * verify &lt;package.json&gt; [--issuer ADDR]... [--rpc URL --registry ADDR] [--min-score T] [--json]
 * </pre>
 *
 * Prints every check and exits 0 when the credential is valid, 1 when it is not, 2 when the input
 * is unusable (bad arguments, unreadable file, malformed package).
 */
public final class VerifyCommand {

  public static final int VALID = 0;
  public static final int INVALID = 1;
  public static final int UNUSABLE = 2;

  private static final String USAGE =
      "usage: verify <package.json> [--issuer ADDR]... [--rpc URL --registry ADDR]"
          + " [--min-score T] [--json]";

  private VerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    if (args.length < 2 || !args[0].equals("verify")) {
      err.println(USAGE);
      return UNUSABLE;
    }
    Path file = Path.of(args[1]);
    Set<Address> issuers = new HashSet<>();
    String rpc = null;
    String registry = null;
    OptionalInt minScore = OptionalInt.empty();
    boolean json = false;
    try {
      for (int i = 2; i < args.length; i++) {
        switch (args[i]) {
          case "--json" -> json = true;
          case "--issuer" -> issuers.add(address(value(args, ++i)));
          case "--rpc" -> rpc = value(args, ++i);
          case "--registry" -> registry = address(value(args, ++i)).toString();
          case "--min-score" -> minScore = OptionalInt.of(Integer.parseInt(value(args, ++i)));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if ((rpc == null) != (registry == null)) {
        throw new IllegalArgumentException("--rpc and --registry go together");
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return UNUSABLE;
    }

    CredentialPackage pkg;
    try {
      pkg = CredentialPackage.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
      return UNUSABLE;
    } catch (CredentialFormatException e) {
      err.println("not a usable credential package: " + e.getMessage());
      return UNUSABLE;
    }

    VerificationPolicy policy =
        new VerificationPolicy(
            issuers,
            minScore,
            rpc == null
                ? Optional.empty()
                : Optional.of(new VerificationPolicy.OnChainStatus(rpc, new Address(registry))),
            java.util.List.of());
    VerificationReport report = new CredentialVerifier(clock).verify(pkg, policy);
    if (json) {
      out.println(toJson(report));
    } else {
      out.println("credential " + report.uid());
      for (CheckResult c : report.checks()) {
        out.printf("  %-7s %-16s %s%n", c.outcome(), c.check().label(), c.detail());
      }
      out.println(report.valid() ? "VALID" : "INVALID");
    }
    return report.valid() ? VALID : INVALID;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static Address address(String s) {
    if (!s.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("not an address: " + s);
    }
    return new Address(s);
  }

  static String toJson(VerificationReport report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("uid", report.uid().hex());
    root.put("valid", report.valid());
    ArrayNode checks = root.putArray("checks");
    for (CheckResult c : report.checks()) {
      checks
          .addObject()
          .put("check", c.check().label())
          .put("outcome", c.outcome().name())
          .put("detail", c.detail());
    }
    return root.toString();
  }
}
