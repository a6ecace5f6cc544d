package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credence.attestations.testing.AnvilExtension;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * EIP-712 interop with ethers v6 (scripts/ethers-interop.mjs), the library wallets and dapps use.
 */
class EthersInteropIT {

  @RegisterExtension static final AnvilExtension anvil = AnvilExtension.withChainId(31337);

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ethersVerifiesTheJavaIssuerSignatureAndJavaAndTheContractAcceptAnEthersConsent()
      throws Exception {
    Credentials admin = anvil.account(0);
    Credentials borrower = anvil.account(2);
    AttestationIssuer issuer =
        new AttestationIssuer(anvil.account(1), new SecureRandom(), Clock.systemUTC());
    CredentialPackage pkg =
        issuer.issue(
            new Address(borrower.getAddress()),
            Opening.random(705, new SecureRandom()),
            new Statement.Threshold(650),
            CreditAttestation.SCHEMA_V1,
            Duration.ofDays(7));

    // 1. ethers' verifyTypedData recovers the Java issuer from the Java signature.
    CreditAttestation a = pkg.attestation();
    ObjectNode in = JSON.createObjectNode();
    ObjectNode m = in.putObject("attestation");
    m.put("schema", a.schema().hex());
    m.put("issuer", a.issuer().toString());
    m.put("recipient", a.recipient().toString());
    m.put("commitment", Numeric.toHexString(a.commitment().toUncompressed()));
    m.put("statementKind", a.statementKind());
    m.put("lo", a.lo());
    m.put("hi", a.hi());
    m.put("modelId", a.modelId().hex());
    m.put("proofHash", a.proofHash().hex());
    m.put("issuedAt", a.issuedAt().getEpochSecond());
    m.put("expiresAt", a.expiresAt().getEpochSecond());
    m.put("nonce", a.nonce().toString());
    in.put("signature", Numeric.toHexString(pkg.issuerSignature()));
    JsonNode verified = ethers("verify-attestation", in);
    assertThat(verified.get("recovered").asText())
        .isEqualToIgnoringCase(issuer.address().toString());
    assertThat(verified.get("digest").asText()).isEqualTo(pkg.uid().hex());

    // 2. A consent signed by ethers' Wallet.signTypedData is accepted by Java and the contract.
    RegistryClient registry =
        RegistryClient.deploy(
            anvil.web3j(),
            TestChain.sender(anvil, admin),
            TestChain.GAS,
            new Address(admin.getAddress()));
    registry.authorizeIssuer(issuer.address());
    ObjectNode consentIn = JSON.createObjectNode();
    consentIn.put(
        "privateKey",
        Numeric.toHexStringWithPrefixZeroPadded(borrower.getEcKeyPair().getPrivateKey(), 64));
    consentIn.put("uid", pkg.uid().hex());
    consentIn.put("chainId", anvil.chainId());
    consentIn.put("registry", registry.address().toString());
    JsonNode consent = ethers("sign-consent", consentIn);
    Bytes32 digest = Eip712.consentDigest(pkg.uid(), anvil.chainId(), registry.address());
    assertThat(consent.get("digest").asText()).isEqualTo(digest.hex());
    byte[] signature = Numeric.hexStringToByteArray(consent.get("signature").asText());
    assertThat(Eip712.recover(digest, signature)).isEqualToIgnoringCase(borrower.getAddress());
    assertThat(registry.consentDigest(pkg.uid())).isEqualTo(digest);

    RegistryClient relayer =
        RegistryClient.at(
            anvil.web3j(),
            TestChain.sender(anvil, anvil.account(3)),
            TestChain.GAS,
            registry.address().toString());
    relayer.mintWithConsent(pkg, signature);
    assertThat(registry.isValid(pkg.uid())).isTrue();
  }

  static JsonNode ethers(String mode, JsonNode input) throws Exception {
    Process p =
        new ProcessBuilder("node", "scripts/ethers-interop.mjs", mode)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    p.getOutputStream().write(JSON.writeValueAsBytes(input));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return JSON.readTree(out);
  }
}
