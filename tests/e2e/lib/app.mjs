// Launching the real Tillid binary under tauri-driver, with its own data
// folder, and helpers the scenarios share.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep } from './webdriver.mjs';
// Importing clock.mjs puts this process, and every program it starts, on the
// suite's clock.
export { addDays, isoWeek, localIsoDate, TEST_NOW } from './clock.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
export const APP_BINARY = process.env.TILLID_APP_BINARY || join(ROOT, 'target/debug/tillid-app');
export const SCREENSHOT_DIR = join(ROOT, 'tests/e2e/screenshots');
let nextPort = 4600;

/** A fresh, empty data folder for one scenario. */
export function freshDataDir(name) {
  return mkdtempSync(join(tmpdir(), `tillid-e2e-${name}-`));
}

/**
 * Starts tauri-driver whose environment (inherited by the app) points the
 * app at `dataDir` and sets the OS language; `env` adds more (for example
 * another instant for the app's clock, `clockEnv()` in clock.mjs).
 */
export async function startDriver({ dataDir, lang = 'en_US.UTF-8', env: extra = {} }) {
  const port = nextPort;
  nextPort += 2;
  const env = {
    ...process.env,
    TILLID_DATA_DIR: dataDir,
    LANG: lang,
    LC_ALL: lang,
    LANGUAGE: lang.slice(0, 2),
    ...extra,
  };
  const child = spawn(
    'tauri-driver',
    ['--port', String(port), '--native-port', String(port + 1), '--native-driver', '/usr/bin/WebKitWebDriver'],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 15000;
  for (;;) {
    try {
      const res = await fetch(`${base}/status`);
      if (res.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) throw new Error(`tauri-driver did not start:\n${log}`);
    await sleep(100);
  }
  return {
    base,
    log: () => log,
    async launch() {
      const s = await Session.start(base, APP_BINARY);
      // The window is up when the app's root has rendered something.
      await s.waitFor('[data-app-ready], [data-testid="startup-error"]', { timeout: 30000 });
      return s;
    },
    async stop() {
      // The whole group: an app that outlived its WebDriver session would
      // hold the pipes (and this test file) open, and the single-instance
      // name of the next test's app.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      child.stdout.destroy();
      child.stderr.destroy();
      await sleep(200);
    },
  };
}

/**
 * Saves a PNG of the app's window, as the X server shows it, to
 * tests/e2e/screenshots (git-ignored). Taken with ImageMagick from Xvfb, not
 * through WebDriver: WebKitWebDriver's snapshot hangs when WebKit runs
 * without accelerated compositing, as Tillid does (src-tauri/src/main.rs).
 */
export async function screenshot(_session, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await sleep(500); // let transitions and fonts settle
  execFileSync('import', ['-window', 'Tillid', join(SCREENSHOT_DIR, `${name}.png`)]);
}

/** Navigates inside the app by its hash router. */
export async function go(session, hash) {
  await session.execute('window.location.hash = arguments[0];', [hash]);
  await sleep(300);
}

/** Waits until the editor reports everything saved. */
export async function waitSaved(session) {
  await session.waitFor('[data-testid="save-state"]', {
    timeout: 10000,
    pred: async (el) => (await el.attr('data-state')) === 'saved',
  });
}

/** Waits until the app process has gone (after Ctrl+Q). */
export async function waitGone(session) {
  await session.waitUntil(
    async () => {
      try {
        await session.execute('return 1;');
        return false;
      } catch {
        return true;
      }
    },
    { timeout: 10000, what: 'the app to quit' },
  );
}
