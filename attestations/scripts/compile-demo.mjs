// Compiles the local demo chains' lending markets (demo-contracts/*.sol: an Aave-v3-compatible pool
// emitting @aave/core-v3's IPool events, a Compound-v3-compatible Comet, oracle, price feed, token)
// with solc-js into <outDir>/<Name>.abi and .bin for web3j codegen. Kept apart from contracts/ so
// the production contracts' build does not change. Skips work when outputs are newer than sources.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'demo-contracts');
const outDir = process.argv[2] ?? join(root, 'target', 'demo-contracts');
const stamp = join(outDir, '.compiled');

const sources = readdirSync(sourceDir).filter((n) => n.endsWith('.sol'));
const newestInput = Math.max(
  ...[...sources.map((n) => join(sourceDir, n)), fileURLToPath(import.meta.url), join(root, 'package-lock.json')].map(
    (p) => statSync(p).mtimeMs,
  ),
);
if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput) {
  console.log('demo contracts up to date; skipping solc');
  process.exit(0);
}

const solc = require('solc');
const input = {
  language: 'Solidity',
  sources: Object.fromEntries(
    sources.map((n) => [`demo-contracts/${n}`, { content: readFileSync(join(sourceDir, n), 'utf8') }]),
  ),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

function findImports(path) {
  for (const base of [join(root, 'node_modules'), root]) {
    const candidate = join(base, path);
    if (existsSync(candidate)) return { contents: readFileSync(candidate, 'utf8') };
  }
  return { error: `import not found: ${path}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if ((output.errors ?? []).some((e) => e.severity === 'error')) process.exit(1);

mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!file.startsWith('demo-contracts/')) continue;
  for (const [name, artifact] of Object.entries(contracts)) {
    if (!artifact.evm.bytecode.object) continue; // interface
    writeFileSync(join(outDir, `${name}.abi`), JSON.stringify(artifact.abi));
    writeFileSync(join(outDir, `${name}.bin`), artifact.evm.bytecode.object);
    console.log(`demo contract ${name} compiled`);
  }
}
writeFileSync(stamp, `solc ${solc.version()}\n`);
