package io.credence.zk;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares builds of the module under the same load: each build's classes (a {@code target/classes}
 * directory, e.g. a copy kept from an older commit) get their own class loader in one JVM; after a
 * warm-up, the builds run in alternation, a block of each operation per build, so a change in the
 * machine's load hits all of them alike. Prints, per operation and build, the minimum and the
 * median of the blocks' median thread CPU time.
 *
 * <pre>
 * ./mvnw -B -pl zk -Pbenchmarks test-compile exec:exec -Dbench.main=io.credence.zk.InterleavedHarness \
 *     -Djmh.args="old=/tmp/zk-old-classes new=target/classes"
 * </pre>
 *
 * The operations are {@link InterleavedOps}'s (public API only). {@code -Dblocks=} and {@code
 * -Dreps=} (JVM options, through {@code -Dbench.jvmArgs}) change the number of blocks (8) and the
 * runs per block (9).
 */
public final class InterleavedHarness {

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private InterleavedHarness() {}

  public static void main(String[] args) throws Exception {
    int blocks = Integer.getInteger("blocks", 8);
    int reps = Integer.getInteger("reps", 9);
    String[] cp = System.getProperty("java.class.path").split(File.pathSeparator);
    Map<String, Map<String, Runnable>> builds = new LinkedHashMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      List<URL> urls = new ArrayList<>();
      urls.add(new File(kv[1]).toURI().toURL());
      for (String e : cp) {
        if (!e.endsWith("zk" + File.separator + "target" + File.separator + "classes")) {
          urls.add(new File(e).toURI().toURL());
        }
      }
      ClassLoader loader =
          new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      @SuppressWarnings("unchecked")
      Map<String, Runnable> ops =
          (Map<String, Runnable>)
              loader.loadClass(InterleavedOps.class.getName()).getMethod("ops").invoke(null);
      builds.put(kv[0], ops);
    }
    List<String> names = new ArrayList<>(builds.values().iterator().next().keySet());
    System.out.println("warm-up …");
    for (Map<String, Runnable> ops : builds.values()) {
      for (String name : names) {
        for (int i = 0; i < (name.startsWith("batch") ? 8 : 60); i++) {
          ops.get(name).run();
        }
      }
    }
    Map<String, double[]> results = new LinkedHashMap<>();
    for (int b = 0; b < blocks; b++) {
      for (String name : names) {
        int n = name.startsWith("batch") ? Math.max(3, reps / 3) : reps;
        for (Map.Entry<String, Map<String, Runnable>> build : builds.entrySet()) {
          Runnable op = build.getValue().get(name);
          double[] t = new double[n];
          for (int i = 0; i < n; i++) {
            long s = MX.getCurrentThreadCpuTime();
            op.run();
            t[i] = (MX.getCurrentThreadCpuTime() - s) / 1e6;
          }
          Arrays.sort(t);
          results.computeIfAbsent(name + "|" + build.getKey(), k -> new double[blocks])[b] =
              t[n / 2];
        }
      }
      System.out.printf("block %d done%n", b + 1);
    }
    System.out.printf(
        "%-16s %-12s %10s %10s   (ms of thread CPU time)%n", "", "build", "min", "median");
    for (String name : names) {
      for (String build : builds.keySet()) {
        double[] t = results.get(name + "|" + build).clone();
        Arrays.sort(t);
        System.out.printf("%-16s %-12s %10.3f %10.3f%n", name, build, t[0], t[t.length / 2]);
      }
    }
  }
}
