// The window as the desktop sees it: closing it with the window manager's
// close button, and a second launch while Tillid runs.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { APP_BINARY, freshDataDir, go, isoWeek, startDriver, waitGone } from './lib/app.mjs';
import { TID } from './lib/form.mjs';
import { appProcessTree, remoteConnections } from './lib/net.mjs';
import { Keys, sleep } from './lib/webdriver.mjs';

const WM_CLOSE = join(import.meta.dirname, 'lib/wm-close.py');

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

  test("closing the window with the window manager's button saves what was just typed", async () => {
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
