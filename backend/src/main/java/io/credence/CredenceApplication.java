package io.credence;

import io.credence.platform.StartupFailures;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** The Credence server: REST API, borrower portal and background jobs in one process. */
// No in-memory user: every session comes from a wallet signature (so no generated password).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class CredenceApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(CredenceApplication.class, args);
    } catch (RuntimeException | Error failure) {
      // Explained failures were reported as one line already; anything else gets one line too.
      StartupFailures.report(failure);
      System.exit(1);
    }
  }
}
