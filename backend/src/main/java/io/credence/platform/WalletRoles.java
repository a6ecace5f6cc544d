package io.credence.platform;

import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * Roles that configuration grants to wallet addresses (issue 11): {@code credence.roles.lenders}
 * get {@link Roles#LENDER}, {@code credence.roles.compliance} get {@link Roles#COMPLIANCE}. They
 * are added to a session when that wallet signs in, and {@link #requires} checks them again against
 * the current configuration on every request, so an address removed from the list loses the role at
 * the next restart even in sessions that were opened before (sessions outlive restarts).
 */
@Service
public class WalletRoles {

  private final Set<String> lenders;
  private final Set<String> compliance;

  WalletRoles(Properties properties) {
    this.lenders = lowerCase(properties.lenders());
    this.compliance = lowerCase(properties.compliance());
  }

  /** The configured roles of this wallet address (none for an ordinary borrower). */
  public List<SimpleGrantedAuthority> grantedTo(String address) {
    List<SimpleGrantedAuthority> roles = new ArrayList<>();
    String key = address.toLowerCase(Locale.ROOT);
    if (lenders.contains(key)) {
      roles.add(new SimpleGrantedAuthority(Roles.LENDER));
    }
    if (compliance.contains(key)) {
      roles.add(new SimpleGrantedAuthority(Roles.COMPLIANCE));
    }
    return List.copyOf(roles);
  }

  /** True when the authenticated wallet holds {@code role} now (session authority and config). */
  public boolean holds(Authentication authentication, String role) {
    return authentication != null
        && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof WalletPrincipal wallet
        && authentication.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()))
        && grantedTo(wallet.address()).stream().anyMatch(a -> role.equals(a.getAuthority()));
  }

  /** An access rule: the caller's wallet holds {@code role} (see {@link #holds}). */
  public AuthorizationManager<RequestAuthorizationContext> requires(String role) {
    return new AuthorizationManager<>() {
      @Override
      public AuthorizationResult authorize(
          Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(holds(authentication.get(), role));
      }
    };
  }

  private static Set<String> lowerCase(List<String> addresses) {
    Set<String> out = new HashSet<>();
    addresses.forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
    return Set.copyOf(out);
  }

  /**
   * @param lenders wallet addresses that sign in as lenders
   * @param compliance wallet addresses that sign in as compliance officers
   */
  @ConfigurationProperties("credence.roles")
  @Validated
  public record Properties(
      List<
              @Pattern(
                  regexp = "0x[0-9a-fA-F]{40}",
                  message = "must be a 0x-prefixed 20-byte address")
              String>
          lenders,
      List<
              @Pattern(
                  regexp = "0x[0-9a-fA-F]{40}",
                  message = "must be a 0x-prefixed 20-byte address")
              String>
          compliance) {
    public Properties {
      lenders = lenders == null ? List.of() : List.copyOf(lenders);
      compliance = compliance == null ? List.of() : List.copyOf(compliance);
    }
  }
}
