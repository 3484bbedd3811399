// The `tillid` CLI, run on a scenario's data folder to seed it and to read
// what it holds independently of the window. It inherits the suite's clock
// (clock.mjs) from this process's environment.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import './clock.mjs';

export const CLI = process.env.TILLID_CLI_BINARY || join(resolve(import.meta.dirname, '../../..'), 'target/debug/tillid');

/** `tillid --data-dir DIR ARGS…`; its standard output. */
export function cli(dataDir, ...args) {
  return execFileSync(CLI, ['--data-dir', dataDir, ...args], { encoding: 'utf8' });
}

/** Everything in a data folder, as the CLI's lossless JSON export (text). */
export function lossless(dataDir) {
  const out = join(mkdtempSync(join(tmpdir(), 'tillid-e2e-lossless-')), 'all.json');
  cli(dataDir, 'export', '--format', 'json', '-o', out);
  return readFileSync(out, 'utf8');
}

/** What a data folder holds, counted from its lossless export. */
export function holdings(dataDir) {
  const all = JSON.parse(lossless(dataDir));
  const kind = (k) => all.entries.filter((e) => e.kind === k).length;
  return {
    reflections: kind('reflection'),
    notes: kind('note'),
    people: all.people.length,
    conversations: all.people.reduce((n, p) => n + (p.conversations ?? []).length, 0),
  };
}
