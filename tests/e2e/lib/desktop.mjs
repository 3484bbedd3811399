// A stand-in desktop for the tests that need one: a notification server and
// a tray host on the suite's private session bus (fake-desktop.py), and a
// look at whether the app's window is on screen.

import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { sleep } from './webdriver.mjs';

const FAKE = join(import.meta.dirname, 'fake-desktop.py');
const X_WINDOW = join(import.meta.dirname, 'x-window.py');

/**
 * Starts the fake desktop; its events (notifications sent, tray items
 * registered, clicks) collect in `events`. Stop it before the next scenario,
 * which may expect no tray host at all.
 */
export async function startFakeDesktop() {
  const child = spawn('/usr/bin/python3', [FAKE, 'serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events = [];
  let buffer = '';
  let errors = '';
  child.stdout.on('data', (d) => {
    buffer += d;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim()) events.push(JSON.parse(line));
    }
  });
  child.stderr.on('data', (d) => (errors += d));
  const desktop = {
    events,
    async waitFor(pred, what, timeout = 20000) {
      const until = Date.now() + timeout;
      for (;;) {
        const found = events.find(pred);
        if (found) return found;
        if (Date.now() > until) {
          throw new Error(`fake desktop: no ${what} in ${JSON.stringify(events)}\n${errors}`);
        }
        await sleep(100);
      }
    },
    /** Clicks the latest notification, as the user would. */
    clickNotification() {
      child.kill('SIGUSR1');
    },
    trayLabels() {
      return JSON.parse(execFileSync('/usr/bin/python3', [FAKE, 'tray-labels'], { encoding: 'utf8' }));
    },
    trayClick(label) {
      execFileSync('/usr/bin/python3', [FAKE, 'tray-click', label]);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.on('exit', resolve);
      });
    },
  };
  await desktop.waitFor((e) => e.event === 'ready', 'ready', 10000);
  return desktop;
}

/** "viewable", "unmapped" (hidden) or "none": the app's window on the X server. */
export function windowState(title = 'Tillid') {
  return execFileSync('/usr/bin/python3', [X_WINDOW, title], { encoding: 'utf8' }).trim();
}
