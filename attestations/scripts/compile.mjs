// Compiles contracts/*.sol with solc-js (standard JSON, optimizer on, via-IR) into
// target/contracts/<Name>.abi and <Name>.bin for web3j codegen, and fails when a deployed
// contract would exceed the EIP-170 size limit. Skips work when outputs are newer than sources.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const contractsDir = join(root, 'contracts');
const outDir = process.argv[2] ?? join(root, 'target', 'contracts');
const stamp = join(outDir, '.compiled');
const EIP170_LIMIT = 24576;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.sol') ? [p] : [];
  });
}

const sources = walk(contractsDir);
const newestInput = Math.max(
  ...[...sources, fileURLToPath(import.meta.url), join(root, 'package-lock.json')].map((p) => statSync(p).mtimeMs),
);
if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput) {
  console.log('contracts up to date; skipping solc');
  process.exit(0);
}

const solc = require('solc');
const input = {
  language: 'Solidity',
  sources: Object.fromEntries(
    sources.map((p) => [relative(root, p).split('\\').join('/'), { content: readFileSync(p, 'utf8') }]),
  ),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    viaIR: true,
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};

function findImports(path) {
  for (const base of [join(root, 'node_modules'), root]) {
    const candidate = join(base, path);
    if (existsSync(candidate)) return { contents: readFileSync(candidate, 'utf8') };
  }
  return { error: `import not found: ${path}` };
}

const started = Date.now();
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

mkdirSync(outDir, { recursive: true });
let failed = false;
// Only contracts declared directly in contracts/*.sol get wrappers; libraries and interfaces
// from sub-folders and OpenZeppelin are compiled in but not emitted.
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!file.startsWith('contracts/') || file.slice('contracts/'.length).includes('/')) continue;
  for (const [name, artifact] of Object.entries(contracts)) {
    const bin = artifact.evm.bytecode.object;
    if (!bin) continue; // interface or abstract contract
    const size = artifact.evm.deployedBytecode.object.length / 2;
    console.log(`${name}: ${size} bytes deployed`);
    if (size > EIP170_LIMIT) {
      console.error(`${name} is ${size} bytes, over the EIP-170 limit of ${EIP170_LIMIT}`);
      failed = true;
    }
    writeFileSync(join(outDir, `${name}.abi`), JSON.stringify(artifact.abi));
    writeFileSync(join(outDir, `${name}.bin`), bin);
  }
}
if (failed) process.exit(1);
writeFileSync(stamp, `solc ${solc.version()} in ${Date.now() - started} ms\n`);
console.log(`compiled with solc ${solc.version()} in ${Date.now() - started} ms`);
