package io.credence.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * On-chain anchoring of signed audit checkpoints. Without {@code rpc-url} anchoring is disabled
 * (the {@code auditChain} health component says so).
 *
 * @param rpcUrl JSON-RPC endpoint of the anchor chain
 * @param chainId its chain id (checked against the node; part of every signed checkpoint)
 * @param contractAddress the anchor contract; empty with {@code deployOnStart} = deploy one
 * @param deployOnStart deploy the anchor contract at start-up when no address is configured
 * @param senderKey hex private key that pays for anchor transactions (or {@code senderKeyFile})
 * @param senderKeyFile file holding that key
 * @param signingKey hex private key of the server's audit key, which signs checkpoints (or {@code
 *     signingKeyFile})
 * @param signingKeyFile file holding that key
 * @param everyEntries anchor once this many entries were appended since the last anchor
 * @param every anchor at least this often while entries are appended
 * @param startBlock the first block to search for checkpoints
 */
@ConfigurationProperties("credence.audit.anchor")
record AnchorProperties(
    String rpcUrl,
    Long chainId,
    String contractAddress,
    @DefaultValue("false") boolean deployOnStart,
    String senderKey,
    Path senderKeyFile,
    String signingKey,
    Path signingKeyFile,
    @DefaultValue("100") int everyEntries,
    @DefaultValue("10m") Duration every,
    @DefaultValue("0") long startBlock) {

  boolean enabled() {
    return StringUtils.hasText(rpcUrl);
  }
}
