// Interop probe for tests: checks Credence EIP-712 data with ethers v6, the way wallets and dapps do.
//   node scripts/ethers-interop.mjs verify-attestation < {attestation, signature}  -> {recovered, digest}
//   node scripts/ethers-interop.mjs sign-consent       < {privateKey, uid, chainId, registry} -> {signature, digest}
import { TypedDataEncoder, Wallet, verifyTypedData } from 'ethers';

const domain = { name: 'Credence', version: '1' };
const attestationTypes = {
  CreditAttestation: [
    { name: 'schema', type: 'bytes32' },
    { name: 'issuer', type: 'address' },
    { name: 'recipient', type: 'address' },
    { name: 'commitment', type: 'bytes' },
    { name: 'statementKind', type: 'uint8' },
    { name: 'lo', type: 'uint16' },
    { name: 'hi', type: 'uint16' },
    { name: 'modelId', type: 'bytes32' },
    { name: 'proofHash', type: 'bytes32' },
    { name: 'issuedAt', type: 'uint64' },
    { name: 'expiresAt', type: 'uint64' },
    { name: 'nonce', type: 'uint256' },
  ],
};
const consentTypes = {
  MintConsent: [
    { name: 'uid', type: 'bytes32' },
    { name: 'chainId', type: 'uint256' },
    { name: 'registry', type: 'address' },
  ],
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

switch (process.argv[2]) {
  case 'verify-attestation': {
    const message = input.attestation;
    const recovered = verifyTypedData(domain, attestationTypes, message, input.signature);
    const digest = TypedDataEncoder.hash(domain, attestationTypes, message);
    console.log(JSON.stringify({ recovered, digest }));
    break;
  }
  case 'sign-consent': {
    const message = { uid: input.uid, chainId: input.chainId, registry: input.registry };
    const signature = await new Wallet(input.privateKey).signTypedData(domain, consentTypes, message);
    const digest = TypedDataEncoder.hash(domain, consentTypes, message);
    console.log(JSON.stringify({ signature, digest }));
    break;
  }
  default:
    console.error('usage: ethers-interop.mjs verify-attestation|sign-consent < input.json');
    process.exit(2);
}
