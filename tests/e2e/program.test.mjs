// The weekly exercise program through the real app and its real webview:
// this week's exercise, swapping, skipping, answering, the answers in the
// reflection, the journal and search, the library, and a restart.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDataDir, go, isoWeek, screenshot, startDriver, waitSaved } from './lib/app.mjs';
import { cli } from './lib/cli.mjs';
import { setSelect, TID } from './lib/form.mjs';
import { sleep } from './lib/webdriver.mjs';

const now = isoWeek();

const ANSWERS = [
  'Lise took the rota decision herself; I kept my hands off it. Zebrafinch.',
  'Wanting to check her numbers on Wednesday — I asked a question instead.',
  'Level 5 for rota decisions from now on.',
  'A fourth line, in case the exercise asks four questions.',
];

/** Controls a screen reader could not name (as screenshots.test.mjs checks). */
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

/** Elements wider than their container (long Danish words pushing out). */
function overflowing(s, css) {
  return s.execute(
    `return [...document.querySelectorAll(arguments[0] + ' *')]
       .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'
         && el.clientWidth > 0 && !['svg', 'path', 'rect'].includes(el.tagName.toLowerCase()))
       .map((el) => el.outerHTML.slice(0, 100));`,
    [css],
  );
}

/**
 * A screenshot with the element of `testid` scrolled to the top of the view
 * (below a sticky toolbar), or with its bottom at the bottom of the view.
 */
async function shot(s, name, testid, where = 'top') {
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     const main = document.getElementById('main');
     const bar = main && main.querySelector('.toolbar');
     const offset = (bar ? bar.getBoundingClientRect().height : 0) + 24;
     if (el && main) {
       const box = el.getBoundingClientRect();
       const view = main.getBoundingClientRect();
       main.scrollTop += arguments[1] === 'end' ? box.bottom - view.bottom + 24 : box.top - view.top - offset;
     }`,
    [TID(testid), where],
  );
  await screenshot(s, name);
}

async function titleId(s) {
  return (await s.waitFor(TID('exercise-title'))).attr('data-id');
}

async function cardState(s, state) {
  return s.waitFor(TID('exercise-card'), { pred: async (el) => (await el.attr('data-state')) === state });
}

async function setSetting(s, testid, value) {
  await go(s, '#/settings');
  await setSelect(s, testid, value);
}

describe('the weekly exercise program', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('program');
  let chosen;

  before(async () => {
    // A history to show progress and a streak; this week's exercise is untouched.
    cli(dataDir, 'demo', '--weeks', '20', '--notes-per-week', '1');
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
    await setSetting(s, 'setting-language', 'en');
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test("This week shows this week's exercise, progress per theme and the streak", async () => {
    await go(s, '#/');
    const card = await cardState(s, 'proposed');
    assert.ok((await (await s.waitFor(TID('exercise-title'))).text()).trim().length > 0);
    const text = await card.text();
    assert.match(text, /What to do this week/);
    assert.match(text, /Draws on:/);
    for (const id of ['exercise-done', 'exercise-swap', 'exercise-skip']) await s.waitFor(TID(id));
    const progress = await s.waitFor(TID('program-progress'));
    assert.equal((await progress.findAll('li')).length, 9, 'all nine themes');
    const streak = await s.waitFor(TID('streak'));
    assert.ok(Number(await streak.attr('data-streak')) >= 0);
    assert.doesNotMatch(await streak.text(), /fail|missed|broke/i);
    assert.deepEqual(await unlabelledControls(s), []);
    await shot(s, 'program-home-en', 'exercise-card');
  });

  test('the home screen in Danish, light and dark', async () => {
    await setSetting(s, 'setting-language', 'da');
    await go(s, '#/');
    await cardState(s, 'proposed');
    await s.waitFor(TID('program-progress'));
    assert.match(await (await s.find(TID('exercise-card'))).text(), /Sådan gør du i denne uge/);
    assert.deepEqual(await overflowing(s, '[data-testid="exercise-card"]'), []);
    await shot(s, 'program-home-da', 'exercise-card');
    await shot(s, 'program-home-da-actions', 'exercise-card', 'end');
    await setSetting(s, 'setting-theme', 'dark');
    await go(s, '#/');
    await cardState(s, 'proposed');
    await s.waitFor(TID('program-progress'));
    await shot(s, 'program-home-da-dark', 'exercise-card');
    await setSetting(s, 'setting-language', 'en');
    await go(s, '#/');
    await cardState(s, 'proposed');
    await s.waitFor(TID('program-progress'));
    await shot(s, 'program-home-en-dark', 'exercise-card');
    await setSetting(s, 'setting-theme', 'light');
  });

  test('swap it for another exercise, filtered by theme: the title changes', async () => {
    await go(s, '#/');
    const before = await titleId(s);
    await (await s.waitFor(TID('exercise-swap'))).click();
    await s.waitFor(TID('swap-option'));
    await setSelect(s, 'swap-theme-filter', 'feedback');
    const options = await s.findAll(TID('swap-option'));
    assert.ok(options.length >= 10, `feedback exercises: ${options.length}`);
    for (const o of options) assert.equal(await o.attr('data-theme'), 'feedback');
    const pick = options[1];
    chosen = await pick.attr('data-id');
    const chosenTitle = (await (await pick.find('.title')).text()).trim();
    assert.notEqual(chosen, before);
    await shot(s, 'program-swap-en', 'swap-picker');
    await pick.click();
    const card = await cardState(s, 'swapped');
    assert.equal(await titleId(s), chosen);
    assert.equal((await (await s.find(TID('exercise-title'))).text()).trim(), chosenTitle);
    assert.match(await card.text(), /Feedback/);
  });

  test('skipping the week is kind, and can be taken back', async () => {
    await (await s.waitFor(TID('exercise-skip'))).click();
    const card = await cardState(s, 'skipped');
    assert.match(await card.text(), /that's fine/);
    await (await s.waitFor(TID('exercise-unskip'))).click();
    await cardState(s, 'swapped');
    assert.equal(await titleId(s), chosen);
  });

  test('the library: browse by theme and level, open one, choose it for this week', async () => {
    await go(s, '#/library');
    await s.waitFor(TID('library-item'));
    const all = await s.findAll(TID('library-item'));
    assert.ok(all.length >= 45, `${all.length} exercises`);
    assert.deepEqual(await unlabelledControls(s), []);
    await screenshot(s, 'library-en');
    await setSelect(s, 'library-theme-filter', 'expectations');
    let items = await s.findAll(TID('library-item'));
    assert.ok(items.length >= 12 && items.length < all.length);
    for (const i of items) assert.equal(await i.attr('data-theme'), 'expectations');
    await setSelect(s, 'library-level-filter', 'relational');
    items = await s.findAll(TID('library-item'));
    assert.ok(items.length > 0);
    for (const i of items) {
      assert.equal(await i.attr('data-theme'), 'expectations');
      assert.equal(await i.attr('data-level'), 'relational');
    }
    const target = await items[0].attr('data-id');
    await items[0].click();
    const detail = await s.waitFor(TID('exercise-detail'));
    assert.equal(await detail.attr('data-id'), target);
    assert.match(await detail.text(), /What to do this week/);
    assert.match(await detail.text(), /Questions for your reflection/);
    await screenshot(s, 'exercise-en');
    await (await s.waitFor(TID('exercise-pick'))).click();
    await s.waitUntil(async () => (await s.execute('return location.hash;')) === '#/', { what: 'back on This week' });
    await cardState(s, 'swapped');
    assert.equal(await titleId(s), target);
    chosen = target;
  });

  test('mark it done with answers; they are shown on the card', async () => {
    await go(s, '#/');
    await (await s.waitFor(TID('exercise-done'))).click();
    await s.waitFor(TID('exercise-answer'));
    const fields = await s.findAll(TID('exercise-answer'));
    assert.ok(fields.length >= 2 && fields.length <= 4, `${fields.length} questions`);
    for (const [i, f] of fields.entries()) {
      await f.click();
      await f.type(ANSWERS[i]);
    }
    // Typed answers are kept as a draft before she saves.
    await waitSaved(s);
    await shot(s, 'program-answer-en', 'exercise-card');
    await (await s.waitFor(TID('exercise-save-answers'))).click();
    await cardState(s, 'done');
    const shown = await (await s.waitFor(TID('exercise-answers'))).text();
    for (const a of ANSWERS.slice(0, fields.length)) assert.ok(shown.includes(a), a);
    assert.equal((await s.findAll(TID('exercise-swap'))).length, 0, 'a done week is not swapped');
    // Progress counts it.
    const fb = await s.waitFor(`${TID('program-progress')} li[data-theme="expectations"]`);
    assert.ok(Number(await fb.attr('data-done')) >= 1);
    await shot(s, 'program-done-en', 'exercise-card');
  });

  test("the answers appear in this week's reflection, the journal and search", async () => {
    await go(s, `#/reflection/${now.year}/${now.week}`);
    const section = await s.waitFor(TID('reflection-exercise'));
    const text = await section.text();
    assert.ok(text.includes(ANSWERS[0]), text);
    const link = await section.find(TID('reflection-exercise-link'));
    assert.ok((await link.attr('href')).endsWith(`#/exercise/${chosen}`));
    await shot(s, 'program-reflection-en', 'reflection-exercise');

    await go(s, '#/journal');
    const item = await s.waitFor(`${TID('timeline-item')}[data-kind="reflection"]`);
    const ex = await item.find(TID('timeline-exercise'));
    assert.ok((await ex.text()).includes('Zebrafinch'), await ex.text());

    const input = await s.waitFor(TID('search-input'));
    await input.click();
    await input.type('zebrafin');
    const hit = await s.waitFor(TID('search-hit'), { timeout: 5000 });
    assert.equal(await hit.attr('data-kind'), 'reflection');
    assert.equal((await (await hit.find('mark')).text()).toLowerCase(), 'zebrafinch');
    await input.clear();
  });

  test('the library lists what was done when, with the answers', async () => {
    await go(s, '#/library');
    await (await s.waitFor(TID('library-tab-history'))).click();
    const first = await s.waitFor(TID('history-item'));
    assert.equal(await first.attr('data-id'), chosen);
    assert.ok((await first.text()).includes(ANSWERS[0]));
    // The focus is chosen here, not in Settings.
    await setSelect(s, 'program-focus', 'feedback');
    await s.waitFor(TID('program-focus-saved'));
  });

  test('everything survives a restart', async () => {
    await s.end();
    s = await driver.launch();
    await go(s, '#/');
    await cardState(s, 'done');
    assert.equal(await titleId(s), chosen);
    assert.ok((await (await s.waitFor(TID('exercise-answers'))).text()).includes(ANSWERS[1]));
    await go(s, `#/reflection/${now.year}/${now.week}`);
    assert.ok((await (await s.waitFor(TID('reflection-exercise'))).text()).includes(ANSWERS[2]));
    await go(s, '#/library');
    assert.equal(await (await s.waitFor(TID('program-focus'))).prop('value'), 'feedback');
  });

  test('the library and an exercise in Danish, light and dark', async () => {
    await setSetting(s, 'setting-language', 'da');
    await go(s, '#/library');
    await s.waitFor(TID('library-item'));
    assert.deepEqual(await overflowing(s, 'main'), []);
    await screenshot(s, 'library-da');
    await go(s, `#/exercise/${chosen}`);
    const detail = await s.waitFor(TID('exercise-detail'));
    assert.match(await detail.text(), /Sådan gør du i denne uge/);
    assert.ok((await detail.text()).includes(ANSWERS[0]), 'her earlier answers on the exercise');
    assert.deepEqual(await overflowing(s, 'main'), []);
    await screenshot(s, 'exercise-da');
    await shot(s, 'exercise-da-end', 'exercise-detail', 'end');
    await go(s, '#/');
    await cardState(s, 'done');
    await shot(s, 'program-done-da', 'exercise-card');
    await go(s, '#/journal');
    await s.waitFor(TID('timeline-exercise'));
    await screenshot(s, 'program-journal-da');
    await setSetting(s, 'setting-theme', 'dark');
    for (const [name, hash, ready] of [
      ['library-da-dark', '#/library', 'library-item'],
      ['exercise-da-dark', `#/exercise/${chosen}`, 'exercise-detail'],
      ['program-done-da-dark', '#/', 'exercise-card'],
      ['program-reflection-da-dark', `#/reflection/${now.year}/${now.week}`, 'reflection-exercise'],
      ['program-journal-da-dark', '#/journal', 'timeline-exercise'],
    ]) {
      await go(s, hash);
      await s.waitFor(TID(ready));
      await sleep(200);
      if (name.startsWith('program-')) await shot(s, name, ready);
      else await screenshot(s, name);
    }
    await setSetting(s, 'setting-theme', 'light');
  });
});
