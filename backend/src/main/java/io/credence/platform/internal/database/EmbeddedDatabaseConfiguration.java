package io.credence.platform.internal.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Embedded default: with no {@code spring.datasource.url}, Credence runs its own PostgreSQL. With
 * one, this configuration steps aside and Spring Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  SharedEmbeddedPostgres.Lease embeddedPostgres(EmbeddedDatabaseProperties settings) {
    return SharedEmbeddedPostgres.acquire(settings);
  }

  /** The application's connections: its own role, which may only read and append the audit log. */
  @Bean(destroyMethod = "close")
  @Primary
  HikariDataSource dataSource(SharedEmbeddedPostgres.Lease embeddedPostgres) {
    EmbeddedPostgres server = embeddedPostgres.server();
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("credence-embedded");
    dataSource.setJdbcUrl(server.jdbcUrl());
    dataSource.setUsername(server.appUsername());
    dataSource.setPassword(server.appPassword());
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }

  /** Migrations run as the owner of the schema. */
  @Bean(destroyMethod = "close", defaultCandidate = false)
  @FlywayDataSource
  HikariDataSource ownerDataSource(SharedEmbeddedPostgres.Lease embeddedPostgres) {
    EmbeddedPostgres server = embeddedPostgres.server();
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("credence-embedded-owner");
    dataSource.setJdbcUrl(server.jdbcUrl());
    dataSource.setUsername(server.username());
    dataSource.setPassword(server.password());
    dataSource.setMaximumPoolSize(2);
    dataSource.setMinimumIdle(0);
    return dataSource;
  }

  static final class NoDataSourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
