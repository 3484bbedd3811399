// Runs the Tauri CLI from ui/ (the frontend) with the app crate in
// ../src-tauri, on every OS (no shell-specific env syntax in package.json).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const cliPackage = require.resolve('@tauri-apps/cli/package.json');
const cli = join(dirname(cliPackage), require(cliPackage).bin.tauri);
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TAURI_APP_PATH: resolve(import.meta.dirname, '../../src-tauri') },
});
process.exit(result.status ?? 1);
