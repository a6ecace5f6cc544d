// Gas profile of one CredenceRegistry.mintBatch transaction, by kind of work (a benchmark harness,
// not a test).
//   node scripts/profile-mint.mjs target/mintBatch-16-threshold.hex [contracts-dir]
// The transaction input is written by BatchMintIT. The script starts a throw-away Anvil (port
// 18599, chain id 31337, Anvil's development keys), repeats BatchMintIT's deployments in the same
// order from the same accounts (so the registry lands at the address the consents name), grants
// the issuer, replays the input from the relayer's account and splits debug_traceTransaction's
// gas into: intrinsic (21,000 + calldata), registry storage, events, signature checks, the
// verifier's precompile calls and the rest of each contract's execution.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { JsonRpcProvider, Wallet, ContractFactory, id } = require('ethers');

const dataFile = process.argv[2];
const contractsDir = process.argv[3] ?? join(root, 'target', 'contracts');
if (!dataFile) {
  console.error('usage: node scripts/profile-mint.mjs <input.hex> [contracts-dir]');
  process.exit(2);
}
const artifact = (name) => ({
  abi: JSON.parse(readFileSync(join(contractsDir, `${name}.abi`), 'utf8')),
  bin: readFileSync(join(contractsDir, `${name}.bin`), 'utf8').trim(),
});

// Anvil's development keys 0 (admin), 1 (issuer), 3 (relayer): public test data.
const KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
];

const anvil = spawn(join(root, 'node_modules/.bin/anvil'),
  ['--port', '18599', '--chain-id', '31337', '--hardfork', 'cancun', '--gas-limit', '100000000', '--steps-tracing'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
try {
  const provider = new JsonRpcProvider('http://127.0.0.1:18599');
  const admin = new Wallet(KEYS[0], provider);
  const issuer = new Wallet(KEYS[1], provider);
  const relayer = new Wallet(KEYS[3], provider);
  const v = artifact('BulletproofsRangeVerifier');
  const verifier = await new ContractFactory(v.abi, v.bin, admin).deploy({ gasLimit: 15000000 });
  await verifier.waitForDeployment();
  const r = artifact('CredenceRegistry');
  const registry = await new ContractFactory(r.abi, r.bin, admin)
    .deploy(admin.address, await verifier.getAddress(), 30 * 24 * 3600, { gasLimit: 15000000 });
  await registry.waitForDeployment();
  await (await registry.grantRole(id('ISSUER_ROLE'), issuer.address)).wait();

  const sent = await relayer.sendTransaction({
    to: await registry.getAddress(), data: readFileSync(dataFile, 'utf8').trim(), gasLimit: 30000000,
  });
  const receipt = await sent.wait();
  const trace = await provider.send('debug_traceTransaction',
    [sent.hash, { disableStorage: true, disableStack: true, enableMemory: false }]);

  const data = readFileSync(dataFile, 'utf8').trim().slice(2);
  let calldata = 0;
  for (let i = 0; i < data.length; i += 2) calldata += data.slice(i, i + 2) === '00' ? 4 : 16;
  const logs = trace.structLogs;
  console.log(`${logs.length} steps, failed ${trace.failed}`);
  const buckets = {};
  const add = (key, gas) => { buckets[key] = (buckets[key] ?? 0) + gas; };
  // Precompile calls leave no steps of their own: the next step is at the same depth, and the
  // price tells which one it was (the call itself costs 100 more: precompiles are always warm).
  const precompile = (gas) => ({ 3100: 'ecrecover', 6100: 'ecMul', 250: 'ecAdd' })[gas] ?? 'modexp';
  for (let i = 0; i < logs.length; i++) {
    const step = logs[i];
    const next = logs[i + 1];
    const who = step.depth === 1 ? 'registry' : 'verifier';
    if (step.op === 'STATICCALL' || step.op === 'CALL') {
      if (next && next.depth === step.depth) {
        add(`${who}: ${precompile(step.gas - next.gas)} (incl. call)`, step.gas - next.gas);
      }
      continue; // a call into the verifier: its steps count themselves
    }
    const cost = step.gasCost;
    const kind = ['SSTORE', 'SLOAD', 'EXTCODESIZE', 'KECCAK256'].includes(step.op) ? step.op
      : step.op.startsWith('LOG') ? 'LOG' : 'other execution';
    add(`${who}: ${kind}`, cost);
  }
  console.log(`gasUsed ${receipt.gasUsed} (intrinsic 21000 + calldata ${calldata} = ${21000 + calldata}; execution ${trace.gas - 21000 - calldata})`);
  const counted = Object.values(buckets).reduce((a, b) => a + b, 0);
  buckets['registry: calls into the verifier (account access; by difference)'] = trace.gas - 21000 - calldata - counted;
  for (const [key, gas] of Object.entries(buckets).sort((a, b) => b[1] - a[1])) {
    console.log(String(gas).padStart(10), key);
  }
} finally {
  anvil.kill();
}
