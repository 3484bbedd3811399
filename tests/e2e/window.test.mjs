// The window as the desktop sees it: closing it with the window manager's
// close button (ending Tillid, or keeping it in the tray), the tray menu, and
// a second launch while Tillid runs.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { APP_BINARY, freshDataDir, go, isoWeek, startDriver, waitGone } from './lib/app.mjs';
import { cli } from './lib/cli.mjs';
import { startFakeDesktop, windowState } from './lib/desktop.mjs';
import { TID } from './lib/form.mjs';
import { appProcessTree, remoteConnections } from './lib/net.mjs';
import { Keys, Session, sleep } from './lib/webdriver.mjs';

const WM_CLOSE = join(import.meta.dirname, 'lib/wm-close.py');

/** Types into this week's "what did I learn?" and returns the whole text. */
async function typeLearned(s, w, text) {
  await go(s, `#/reflection/${w.year}/${w.week}`);
  const field = await s.waitFor(TID('field-learned'));
  await field.click();
  await field.type(text);
  return field.prop('value');
}

async function learned(s, w) {
  await go(s, `#/reflection/${w.year}/${w.week}`);
  await sleep(300);
  return (await s.waitFor(TID('field-learned'))).prop('value');
}

/** What the database holds, read with the CLI while the app may run. */
function stored(dataDir, word) {
  return JSON.parse(cli(dataDir, 'search', word, '--json'));
}

describe('the window', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('window');
  const w = isoWeek();

  before(async () => {
    driver = await startDriver({ dataDir, lang: 'da_DK.UTF-8' });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('Danish under a Danish OS, and usable from the keyboard with a visible focus', async () => {
    const heading = await s.waitFor(TID('week-heading'));
    assert.match(await heading.text(), new RegExp(`^Uge ${w.week} · `));
    await s.execute('document.activeElement && document.activeElement.blur();');
    await s.keys(Keys.TAB);
    const focus = await s.execute(`
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, visible: el.matches(':focus-visible'),
               outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };`);
    assert.notEqual(focus.tag, 'BODY', 'Tab reaches a control');
    assert.ok(focus.visible, 'keyboard focus is :focus-visible');
    assert.ok((focus.outline !== 'none' && focus.width > 0) || focus.shadow !== 'none', `a visible ring: ${JSON.stringify(focus)}`);
  });

  test('the app and its WebKit processes open no network connection', async () => {
    // Exercise the app a little first: home, journal, search, settings.
    for (const hash of ['#/', '#/journal', '#/settings', '#/note/new']) await go(s, hash);
    const tree = appProcessTree(APP_BINARY, dataDir);
    assert.ok(tree.length >= 2, `found the app and its web process: ${tree}`);
    assert.deepEqual(remoteConnections(tree), []);
  });

  test('a second launch does not start a second Tillid', async () => {
    // Same user, same session bus: the single-instance plugin hands over to
    // the running app, and the second process ends by itself.
    const second = spawn(APP_BINARY, [], {
      env: { ...process.env, TILLID_DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve('still running'), 15000);
      second.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (code === 'still running') second.kill('SIGKILL');
    assert.equal(code, 0, 'the second instance exits');
    // The first one is untouched and responsive.
    await go(s, '#/');
    assert.ok(await s.waitFor(TID('week-heading')));
  });

  // "Keep Tillid in the tray" is on by default, but Xvfb has no tray host:
  // closing must then end Tillid rather than leave it unreachable.
  test("closing the window with the window manager's button saves what was just typed, and ends Tillid when there is no tray", async () => {
    await go(s, `#/reflection/${w.year}/${w.week}`);
    const field = await s.waitFor(TID('field-learned'));
    await field.click();
    await field.type('Luk vinduet midt i en sætning – intet må gå tabt');
    // No waiting for autosave: close at once.
    execFileSync(WM_CLOSE, ['Tillid']);
    await waitGone(s);
    await s.end();
    s = await driver.launch();
    await go(s, `#/reflection/${w.year}/${w.week}`);
    await sleep(300);
    const value = await (await s.waitFor(TID('field-learned'))).prop('value');
    assert.equal(value, 'Luk vinduet midt i en sætning – intet må gå tabt');
  });
});

describe('closing the window when the desktop has a tray', () => {
  let desktop;
  let driver;
  let s;
  const dataDir = freshDataDir('tray');
  const w = isoWeek();

  before(async () => {
    desktop = await startFakeDesktop();
    driver = await startDriver({ dataDir });
    s = await driver.launch();
    await desktop.waitFor((e) => e.event === 'tray-item', 'the tray icon');
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
    await desktop?.stop();
  });

  test('with "keep Tillid in the tray" on, closing saves, hides the window, and Tillid keeps running', async () => {
    const text = await typeLearned(s, w, 'Gemt i bakken, intet tabt');
    execFileSync(WM_CLOSE, ['Tillid']);
    await s.waitUntil(async () => windowState() === 'unmapped', { what: 'the window to hide' });
    // Still running, and what was typed is in the database.
    assert.equal(await s.execute('return 1;'), 1);
    await s.waitUntil(async () => stored(dataDir, 'bakken').length === 1, { what: 'the text stored' });
    // Back from the tray, as it was.
    desktop.trayClick('Open Tillid');
    await s.waitUntil(async () => windowState() === 'viewable', { what: 'the window back' });
    assert.equal(await (await s.waitFor(TID('field-learned'))).prop('value'), text);
    // Closing works again after coming back.
    execFileSync(WM_CLOSE, ['Tillid']);
    await s.waitUntil(async () => windowState() === 'unmapped', { what: 'the window to hide again' });
    desktop.trayClick('Open Tillid');
    await s.waitUntil(async () => windowState() === 'viewable', { what: 'the window back again' });
  });

  test('"Quit" in the tray saves what was just typed, then ends Tillid', async () => {
    const text = await typeLearned(s, w, ' – og lidt mere');
    desktop.trayClick('Quit');
    await waitGone(s);
    await s.end();
    s = await driver.launch();
    assert.equal(await learned(s, w), text);
  });

  test('started at login (--in-tray), Tillid waits in the tray until she opens it', async () => {
    await s.end();
    s = await Session.start(driver.base, APP_BINARY, ['--in-tray']);
    await s.waitFor('[data-app-ready]', { timeout: 30000 });
    await sleep(500);
    assert.notEqual(windowState(), 'viewable', 'no window on screen');
    desktop.trayClick('Open Tillid');
    await s.waitUntil(async () => windowState() === 'viewable', { what: 'the window from the tray' });
  });

  test('with "keep Tillid in the tray" off, closing the window saves and ends Tillid', async () => {
    await go(s, '#/settings');
    const toggle = await s.waitFor(TID('reminder-close-to-tray'));
    assert.equal(await toggle.prop('checked'), true, 'on by default');
    await toggle.click();
    await s.waitUntil(async () => (await toggle.prop('checked')) === false, { what: 'the toggle off' });
    await sleep(500);
    const text = await typeLearned(s, w, ' Lukket helt.');
    execFileSync(WM_CLOSE, ['Tillid']);
    await waitGone(s);
    await s.end();
    s = await driver.launch();
    assert.equal(await learned(s, w), text);
  });
});
