package io.credence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Credence server: REST API, borrower portal and background jobs in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CredenceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CredenceApplication.class, args);
  }
}
