// Gas profile of one BulletproofsRangeVerifier call, by source line (a benchmark harness, not a test).
//   node scripts/profile-gas.mjs target/verifyBatch-16-threshold.hex
// The calldata files are written by BatchMintIT. The script compiles the verifier with source maps
// (same settings as compile.mjs; run the Maven build first so target/contracts has the generated
// generator table), deploys it on a throw-away Anvil (port 18598), runs debug_traceCall and prints
// the gas of the precompile calls and of every other opcode grouped by source line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const solc = require('solc');
const { JsonRpcProvider, Wallet, ContractFactory } = require('ethers');

const dataFile = process.argv[2];
if (!dataFile) {
  console.error('usage: node scripts/profile-gas.mjs <calldata.hex>');
  process.exit(2);
}
const main = 'contracts/BulletproofsRangeVerifier.sol';
const sources = {
  [main]: { content: readFileSync(join(root, main), 'utf8') },
  'contracts/interfaces/IRangeProofVerifier.sol': {
    content: readFileSync(join(root, 'contracts/interfaces/IRangeProofVerifier.sol'), 'utf8'),
  },
  'generated/BulletproofGenerators.sol': {
    content: readFileSync(join(root, 'target/contracts/BulletproofGenerators.sol'), 'utf8'),
  },
};
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 20000 },
    viaIR: true,
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.sourceMap'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
for (const e of out.errors ?? []) if (e.severity === 'error') throw new Error(e.formattedMessage);
const artifact = out.contracts[main].BulletproofsRangeVerifier;
const mainId = out.sources[main].id;

// program counter -> instruction index -> source offset
const code = artifact.evm.deployedBytecode.object;
const instructionAt = {};
for (let pc = 0, i = 0; pc < code.length / 2; i++) {
  instructionAt[pc] = i;
  const op = parseInt(code.substr(pc * 2, 2), 16);
  pc += op >= 0x60 && op <= 0x7f ? op - 0x5e : 1;
}
const mapping = [];
let previous = [0, 0, -1];
for (const item of artifact.evm.deployedBytecode.sourceMap.split(';')) {
  const fields = item.split(':');
  const entry = [...previous];
  for (let f = 0; f < 3; f++) if (fields[f] !== undefined && fields[f] !== '') entry[f] = parseInt(fields[f]);
  mapping.push(entry);
  previous = entry;
}
const text = sources[main].content;
const lines = text.split('\n');
const lineOf = (offset) => text.slice(0, offset).split('\n').length;

const anvil = spawn(join(root, 'node_modules/.bin/anvil'), ['--port', '18598', '--hardfork', 'cancun', '--gas-limit', '100000000', '--code-size-limit', '100000'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
try {
  const provider = new JsonRpcProvider('http://127.0.0.1:18598');
  // Anvil's first development key: public test data.
  const wallet = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80', provider);
  const contract = await new ContractFactory(artifact.abi, artifact.evm.bytecode.object, wallet).deploy({ gasLimit: 30000000 });
  await contract.waitForDeployment();
  const tx = { from: wallet.address, to: await contract.getAddress(), data: readFileSync(dataFile, 'utf8').trim(), gas: '0x5f5e100' };
  const trace = await provider.send('debug_traceCall', [tx, 'latest', { disableStorage: true, disableStack: true, enableMemory: false }]);
  const byLine = {};
  let precompiles = 0;
  let other = 0;
  const logs = trace.structLogs;
  for (let i = 0; i < logs.length; i++) {
    const step = logs[i];
    if (step.depth !== 1) continue;
    const cost = logs[i + 1] ? step.gas - logs[i + 1].gas : step.gasCost; // actual, incl. precompile gas
    if (step.op === 'STATICCALL') {
      precompiles += cost;
      continue;
    }
    other += cost;
    const entry = mapping[instructionAt[step.pc]];
    const key = entry && entry[2] === mainId ? lineOf(entry[0]) : 0;
    byLine[key] = (byLine[key] ?? 0) + cost;
  }
  console.log(`total ${trace.gas} (incl. 21000 base and calldata), precompile calls ${precompiles}, other execution ${other}`);
  for (const [line, gas] of Object.entries(byLine).sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(String(gas).padStart(9), line === '0' ? '(compiler-generated)' : `L${line} ${lines[line - 1].trim().slice(0, 90)}`);
  }
} finally {
  anvil.kill();
}
