// Installs the browser tests' npm tools (axe-core) with `npm ci`, only when node_modules does not
// match package-lock.json. Test-only: nothing here is packaged into the server.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const digest = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
const stamp = join(root, 'node_modules', '.credence-lock.sha256');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) {
  console.log('browser-test node_modules up to date with package-lock.json; skipping npm ci');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`npm ci failed (${result.error ?? 'exit ' + result.status})`);
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, digest + '\n');
