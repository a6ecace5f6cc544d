package io.credence.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class WalletRolesTest {

  static final String LENDER = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
  static final String OFFICER = "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720";

  record Wallet(String address) implements WalletPrincipal {}

  final WalletRoles roles =
      new WalletRoles(new WalletRoles.Properties(List.of(LENDER.toLowerCase()), List.of(OFFICER)));

  @Test
  void configuredAddressesGetTheirRoleWhateverTheCase() {
    assertThat(roles.grantedTo(LENDER))
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly(Roles.LENDER);
    assertThat(roles.grantedTo(OFFICER.toUpperCase().replace("0X", "0x")))
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly(Roles.COMPLIANCE);
    assertThat(roles.grantedTo("0x" + "1".repeat(40))).isEmpty();
  }

  @Test
  void aRoleInTheSessionCountsOnlyWhileTheAddressIsStillConfigured() {
    var session =
        UsernamePasswordAuthenticationToken.authenticated(
            new Wallet(LENDER), null, List.of(new SimpleGrantedAuthority(Roles.LENDER)));
    assertThat(roles.holds(session, Roles.LENDER)).isTrue();
    assertThat(roles.holds(session, Roles.COMPLIANCE)).isFalse();

    WalletRoles afterRestart =
        new WalletRoles(new WalletRoles.Properties(List.of(), List.of(OFFICER)));
    assertThat(afterRestart.holds(session, Roles.LENDER)).isFalse();
  }

  @Test
  void aConfiguredAddressWithoutTheRoleInItsSessionDoesNotHoldIt() {
    // e.g. a session opened before the address was configured: it must sign in again.
    var session =
        UsernamePasswordAuthenticationToken.authenticated(
            new Wallet(LENDER), null, List.of(new SimpleGrantedAuthority(Roles.BORROWER)));
    assertThat(roles.holds(session, Roles.LENDER)).isFalse();
    assertThat(roles.holds(null, Roles.LENDER)).isFalse();
  }
}
