// A screenshot of every main screen, in Danish and English, light and dark,
// on a demo history. Written to tests/e2e/screenshots (git-ignored) to look at.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDataDir, go, isoWeek, screenshot, startDriver } from './lib/app.mjs';
import { cli } from './lib/cli.mjs';
import { setSelect, TID } from './lib/form.mjs';
import { sleep } from './lib/webdriver.mjs';


/** Changes a setting on the Settings screen. */
async function setSetting(s, testid, value) {
  await go(s, '#/settings');
  await setSelect(s, testid, value);
}

/** Controls a screen reader could not name (no label, aria-label or text). */
function unlabelledControls(s) {
  return s.execute(`
    const named = (el) =>
      (el.labels && el.labels.length > 0) ||
      (el.getAttribute('aria-label') || '').trim() ||
      (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby'))) ||
      (el.getAttribute('title') || '').trim() ||
      (el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim();
    return [...document.querySelectorAll('input, select, textarea, button, a[href]')]
      .filter((el) => el.type !== 'hidden' && !named(el))
      .map((el) => el.outerHTML.slice(0, 120));
  `);
}

describe('screenshots of each main screen', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('shots');

  before(async () => {
    cli(dataDir, 'demo', '--weeks', '30', '--notes-per-week', '2');
    driver = await startDriver({ dataDir });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('the journal filters by tag and by year, and pages on', async () => {
    await go(s, '#/journal');
    await s.waitFor(TID('timeline-item'));
    const firstPage = (await s.findAll(TID('timeline-item'))).length;
    await (await s.waitFor(TID('load-more'))).click();
    await s.waitUntil(async () => (await s.findAll(TID('timeline-item'))).length > firstPage, {
      what: 'a second page',
    });
    const tags = await s.execute(
      `return [...document.querySelectorAll(arguments[0] + ' option')].map((o) => o.value).filter(Boolean);`,
      [TID('filter-tag')],
    );
    assert.ok(tags.length > 0, 'demo data has tags');
    await setSelect(s, 'filter-tag', tags[0]);
    await sleep(500);
    const items = await s.findAll(TID('timeline-item'));
    assert.ok(items.length > 0);
    for (const item of items) assert.match(await item.text(), new RegExp(tags[0]));
    // Back to all tags, then one year only.
    await s.execute(
      `for (const [id, v] of [[arguments[0], ''], [arguments[1], arguments[2]]]) {
         const el = document.querySelector(id);
         el.value = v;
         el.dispatchEvent(new Event('change', { bubbles: true }));
       }`,
      [TID('filter-tag'), TID('filter-year'), String(isoWeek().year)],
    );
    await sleep(800);
    for (const item of await s.findAll(TID('timeline-item'))) {
      assert.match(await item.text(), new RegExp(String(isoWeek().year)));
    }
  });

  for (const lang of ['da', 'en']) {
    for (const theme of ['light', 'dark']) {
      test(`${lang}, ${theme}`, async () => {
        await setSetting(s, 'setting-language', lang);
        await setSetting(s, 'setting-theme', theme);
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
          assert.deepEqual(await unlabelledControls(s), [], `every control on ${name} has a name`);
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
