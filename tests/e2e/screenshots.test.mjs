// A screenshot of every main screen, in Danish and English, light and dark,
// on a demo history. Written to tests/e2e/screenshots (git-ignored) to look at.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freshDataDir, go, isoWeek, screenshot, startDriver } from './lib/app.mjs';
import { sleep } from './lib/webdriver.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = process.env.TILLID_CLI_BINARY || join(ROOT, 'target/debug/tillid');
const TID = (id) => `[data-testid="${id}"]`;

async function setSelect(s, testid, value) {
  await go(s, '#/settings');
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [TID(testid), value],
  );
  await sleep(300);
}

describe('screenshots of each main screen', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('shots');

  before(async () => {
    execFileSync(CLI, ['--data-dir', dataDir, 'demo', '--weeks', '30', '--notes-per-week', '2']);
    driver = await startDriver({ dataDir });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  for (const lang of ['da', 'en']) {
    for (const theme of ['light', 'dark']) {
      test(`${lang}, ${theme}`, async () => {
        await setSelect(s, 'setting-language', lang);
        await setSelect(s, 'setting-theme', theme);
        const w = isoWeek();
        const shots = [
          ['home', '#/', 'week-heading'],
          ['reflection', `#/reflection/${w.year}/${w.week}`, 'field-happened'],
          ['journal', '#/journal', 'timeline-item'],
          ['settings', '#/settings', 'setting-language'],
        ];
        for (const [name, hash, ready] of shots) {
          await go(s, hash);
          await s.waitFor(TID(ready));
          await screenshot(s, `${name}-${lang}-${theme}`);
        }
        // A note, opened from the journal.
        await go(s, '#/journal');
        const note = await s.waitFor('[data-testid="timeline-item"][data-kind="note"]');
        await go(s, `#/note/${await note.attr('data-id')}`);
        await s.waitFor(TID('note-preview'));
        await screenshot(s, `note-${lang}-${theme}`);
        // Search results.
        const input = await s.waitFor(TID('search-input'));
        await input.click();
        await input.type(lang === 'da' ? 'tillid' : 'trust');
        await s.waitFor(TID('search-hit'));
        await screenshot(s, `search-${lang}-${theme}`);
        await input.clear();
        const theme_ = await s.execute('return document.documentElement.dataset.theme;');
        assert.equal(theme_, theme);
      });
    }
  }
});
