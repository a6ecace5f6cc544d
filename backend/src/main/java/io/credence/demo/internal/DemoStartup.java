package io.credence.demo.internal;

import io.credence.demo.DemoChain;
import io.credence.demo.LocalDemoNetwork;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the demo chains before the application context is refreshed, so that their configuration
 * ({@link LocalDemoNetwork#springProperties()}) is in the environment when the chain, issuer and
 * role settings are bound — with the lowest precedence, so anything an operator sets wins. Audit
 * anchoring is taken or left as a whole ({@link #withoutOperatorAnchoring}): an operator's anchor
 * chain replaces the demo's. Stops them after every bean is gone (a disposable registered first is
 * destroyed last). Registered in {@code META-INF/spring.factories}, as Boot's own early listeners
 * are.
 */
public final class DemoStartup implements SmartApplicationListener, Ordered {

  static final String PROPERTY_SOURCE = "credenceDemoChains";

  private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

  private volatile LocalDemoNetwork network;

  @Override
  public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
    return ApplicationPreparedEvent.class.isAssignableFrom(type)
        || ApplicationReadyEvent.class.isAssignableFrom(type);
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationPreparedEvent prepared) {
      start(prepared.getApplicationContext());
    } else if (event instanceof ApplicationReadyEvent && network != null) {
      List<DemoChain> chains = network.chains();
      log.info(
          "Demo chains: {} — sign in with Anvil's test accounts 1-6; accounts, histories and"
              + " contracts: docs/demo.md",
          chains.stream()
              .map(c -> c.chainId() + " (" + c.name() + ") at " + c.rpcUrl())
              .collect(Collectors.joining(", ")));
    }
  }

  private void start(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    Binder binder = Binder.get(env);
    DemoProperties settings =
        binder
            .bind("credence.demo", Bindable.of(DemoProperties.class))
            .orElseGet(
                () -> new DemoProperties(true, Path.of("./.credence/demo-chains"), 8545, null));
    if (!settings.enabled()) {
      return;
    }
    if (binder.bind("credence.chains[0].id", String.class).isBound()) {
      log.info("Demo chains off: credence.chains is configured.");
      return;
    }
    Path binary =
        AnvilBinary.find(
            settings.anvilBinary(),
            List.of(new ApplicationHome(DemoStartup.class).getDir().toPath(), Path.of("")));
    long started = System.nanoTime();
    Path dataDir = settings.dataDir().toAbsolutePath().normalize();
    LocalDemoNetwork demo = LocalDemoNetwork.start(binary, dataDir, settings.firstPort(), null);
    if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
      beans.registerDisposableBean("credenceDemoChains", (DisposableBean) demo::close);
    }
    Map<String, Object> properties = withoutOperatorAnchoring(demo.springProperties(), binder);
    env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
    network = demo;
    log.info(
        "Demo chains {} in {} ms (state in {}).",
        demo.deployedNow() ? "deployed and seeded" : "started with their kept state",
        (System.nanoTime() - started) / 1_000_000,
        dataDir);
  }

  /**
   * The demo's configuration less the anchoring an operator configured: with {@code
   * credence.audit.anchor.rpc-url} set anywhere (even empty, which switches anchoring off) none of
   * the demo's {@code credence.audit.anchor.*} properties is added, so an operator's anchor chain
   * never mixes with the demo's contract or keys; an operator's {@code sender-key-file} or {@code
   * signing-key-file} replaces the demo's key of that name (a key given inline would win over the
   * file). Every other property the operator sets wins by precedence alone.
   *
   * @param operator the configuration before the demo's is added
   */
  static Map<String, Object> withoutOperatorAnchoring(Map<String, Object> demo, Binder operator) {
    Map<String, Object> properties = new LinkedHashMap<>(demo);
    String anchor = LocalDemoNetwork.AUDIT_ANCHOR;
    if (operator.bind(anchor + "rpc-url", String.class).isBound()) {
      properties.keySet().removeIf(name -> name.startsWith(anchor));
      return properties;
    }
    for (String key : List.of("sender-key", "signing-key")) {
      if (operator.bind(anchor + key + "-file", String.class).isBound()) {
        properties.remove(anchor + key);
      }
    }
    return properties;
  }

  /** After the port check (PortPreflight) and logging, before anything binds configuration. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 200;
  }
}
