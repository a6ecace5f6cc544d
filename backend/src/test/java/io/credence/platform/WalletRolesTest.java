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
  void aMalformedAddressInTheConfigurationStopsTheStart() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withConfiguration(
            org.springframework.boot.autoconfigure.AutoConfigurations.of(
                org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration
                    .class))
        .withUserConfiguration(Config.class)
        .withPropertyValues("credence.roles.lenders=" + LENDER + ",0x1234")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("credence.roles.lenders"));
  }

  @Test
  void emptyListsGrantNothing() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withUserConfiguration(Config.class)
        .withPropertyValues("credence.roles.lenders=", "credence.roles.compliance=")
        .run(context -> assertThat(context.getBean(WalletRoles.class).grantedTo(LENDER)).isEmpty());
  }

  /** The default run's configuration names the accounts the local demo publishes (issue 10). */
  @Test
  void theDefaultRunGivesTheDemosLenderAndOfficerTheirRoles() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withInitializer(
            context -> {
              var sources = context.getEnvironment().getPropertySources();
              try {
                new org.springframework.boot.env.YamlPropertySourceLoader()
                    .load(
                        "application.yml",
                        new org.springframework.core.io.ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .withPropertyValues(
            "credence.demo.lender-address=" + LENDER, "credence.demo.compliance-address=" + OFFICER)
        .withUserConfiguration(Config.class)
        .run(
            context -> {
              WalletRoles roles = context.getBean(WalletRoles.class);
              assertThat(roles.grantedTo(LENDER))
                  .extracting(GrantedAuthority::getAuthority)
                  .containsExactly(Roles.LENDER);
              assertThat(roles.grantedTo(OFFICER))
                  .extracting(GrantedAuthority::getAuthority)
                  .containsExactly(Roles.COMPLIANCE);
            });
  }

  @org.springframework.context.annotation.Configuration
  @org.springframework.boot.context.properties.EnableConfigurationProperties(
      WalletRoles.Properties.class)
  @org.springframework.context.annotation.Import(WalletRoles.class)
  static class Config {}

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
