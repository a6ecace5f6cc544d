package io.credence.attestation.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.crypto.Credentials;

/** Keys, chains and the outbox of the attestation module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  AttestationProperties.class,
  AttestationChains.class,
  KeyProperties.Issuer.class,
  KeyProperties.Relayer.class
})
class AttestationConfiguration {

  @Bean(destroyMethod = "stop")
  MintOutbox mintOutbox(
      AttestationChains chains,
      KeyProperties.Relayer relayer,
      AttestationProperties properties,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock,
      DataSource dataSource,
      Environment environment,
      ObjectProvider<Revalidation> revalidation) {
    ChainGateway gateway =
        relayer.key() == null || relayer.key().isBlank()
            ? null
            : new ChainGateway(
                Credentials.create(relayer.key()), properties.outbox().receiptTimeout());
    RecurringTask<Void> revalidate =
        Tasks.recurring(
                "attestation-revalidation", FixedDelay.of(properties.outbox().revalidateEvery()))
            .execute((instance, context) -> revalidation.getObject().run());
    return new MintOutbox(
        chains,
        gateway,
        jdbc,
        tx,
        events,
        clock,
        properties.outbox(),
        dataSource,
        environment.getProperty("spring.application.name", "credence"),
        revalidate);
  }
}
