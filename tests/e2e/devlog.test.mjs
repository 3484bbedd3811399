// The course log (udviklingslog) through the real app: the preview on a demo
// history shows pseudonyms and no real name; real names need a confirmation;
// saving as PDF and Word shows progress to the end, writes files with no
// person's name in them, and offers "Open file" and "Show in folder". The
// native save dialog is skipped with TILLID_E2E_SAVE_DIR (debug builds only).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDataDir, go, localIsoDate, screenshot, startDriver } from './lib/app.mjs';
import { cli } from './lib/cli.mjs';
import { setSelect, setValue, TID } from './lib/form.mjs';
import { sleep } from './lib/webdriver.mjs';


function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every full, first and last name of `names` found as a word (or possessive) in `text`. */
function namesIn(text, names) {
  const joined = text.replace(/-\n/g, '').replace(/\s+/g, ' ');
  const found = [];
  for (const name of names) {
    const parts = name.split(/\s+/);
    for (const variant of new Set([name, parts[0], parts[parts.length - 1]])) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(variant)}s?(?![\\p{L}\\p{N}])`, 'iu');
      if (re.test(text) || re.test(joined)) found.push(variant);
    }
  }
  return found;
}

/** The text of a written log: PDF through pdftotext, DOCX from word/document.xml. */
function fileText(path) {
  if (path.endsWith('.pdf')) {
    assert.equal(readFileSync(path).subarray(0, 4).toString(), '%PDF');
    return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  }
  if (path.endsWith('.docx')) {
    return execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' })
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  }
  return readFileSync(path, 'utf8');
}

async function previewText(s) {
  const el = await s.waitFor(TID('devlog-preview'));
  return el.text();
}

/** Scrolls the view back to its top, for a screenshot of the whole screen. */
async function atTop(s) {
  await s.execute("document.querySelector('#main').scrollTop = 0;");
  await sleep(200);
}

/** Waits until the preview has settled after a change. */
async function settled(s) {
  await sleep(400);
  await s.waitUntil(async () => (await s.findAll(TID('devlog-preview-loading'))).length === 0, {
    what: 'the preview to load',
  });
}

describe('course log', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('devlog');
  const saveDir = mkdtempSync(join(tmpdir(), 'tillid-e2e-devlog-save-'));
  let team = [];

  before(async () => {
    cli(dataDir, 'demo', '--weeks', '26', '--notes-per-week', '1');
    team = JSON.parse(cli(dataDir, 'people', 'list', '--json')).map(
      (p) => p.name,
    );
    assert.ok(team.length >= 8, 'the demo team, archived people included');
    assert.ok(team.some((n) => /[æøåÆØÅ]/.test(n)), 'names with æ, ø or å');
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8', env: { TILLID_E2E_SAVE_DIR: saveDir } });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('the preview shows pseudonyms and no real names, also with conversations', async () => {
    // The demo's retired employee is past his retention date: not today.
    const dismiss = await s.findAll(TID('retention-dismiss'));
    if (dismiss.length) await dismiss[0].click();
    await (await s.waitFor(TID('nav-devlog'))).click();
    await s.waitFor(TID('devlog-page'));
    await settled(s);
    let text = await previewText(s);
    assert.match(text, /Development log/);
    assert.match(text, /Employee [A-H]/, 'pseudonyms in the text of the weeks');
    assert.deepEqual(namesIn(text, team), []);
    const counts = await (await s.waitFor(TID('devlog-counts'))).text();
    assert.match(counts, /People under a pseudonym\s*8/);
    assert.ok((await s.findAll(TID('devlog-preview-chart'))).length >= 2, 'charts in the preview');

    // Her 1:1 notes only when she asks, and then under pseudonyms too.
    assert.doesNotMatch(text, /One-on-one with|1:1 with/);
    await (await s.waitFor(TID('devlog-conversations'))).click();
    await settled(s);
    text = await previewText(s);
    assert.match(text, /1:1 with Employee [A-H]/);
    assert.deepEqual(namesIn(text, team), []);
    await atTop(s);
    await screenshot(s, 'devlog-en');
    await s.execute("document.querySelector('[data-testid=\"devlog-preview\"]').scrollIntoView({ block: 'start' });");
    await sleep(200);
    await screenshot(s, 'devlog-preview-en');
    await (await s.waitFor(TID('devlog-conversations'))).click();
    await settled(s);
  });

  test('real names only after an explicit confirmation', async () => {
    await (await s.waitFor(TID('devlog-people-named'))).click();
    await s.waitFor(TID('devlog-named-confirm'));
    assert.equal(await (await s.waitFor(TID('devlog-people-named'))).prop('checked'), false);
    assert.equal(await (await s.waitFor(TID('devlog-people-pseudonymize'))).prop('checked'), true);
    await (await s.waitFor(`${TID('devlog-named-confirm')} ${TID('cancel-delete')}`)).click();
    await sleep(300);
    assert.equal((await s.findAll(TID('devlog-named-confirm'))).length, 0);
    assert.deepEqual(namesIn(await previewText(s), team), []);

    await (await s.waitFor(TID('devlog-people-named'))).click();
    await (await s.waitFor(`${TID('devlog-named-confirm')} ${TID('confirm-delete')}`)).click();
    await settled(s);
    assert.equal(await (await s.waitFor(TID('devlog-people-named'))).prop('checked'), true);
    assert.notDeepEqual(namesIn(await previewText(s), team), [], 'real names once confirmed');

    // Back to pseudonyms: the confirmation does not linger.
    await (await s.waitFor(TID('devlog-people-pseudonymize'))).click();
    await settled(s);
    assert.deepEqual(namesIn(await previewText(s), team), []);
    await (await s.waitFor(TID('devlog-people-named'))).click();
    await s.waitFor(TID('devlog-named-confirm'));
    await (await s.waitFor(`${TID('devlog-named-confirm')} ${TID('cancel-delete')}`)).click();
  });

  for (const format of ['pdf', 'docx']) {
    test(`saving as ${format} shows progress and writes a file that names no one`, async () => {
      await setSelect(s, 'devlog-format', format);
      await setValue(s, 'devlog-author', 'Mette Testesen');
      await settled(s);
      await s.waitUntil(async () => (await (await s.waitFor(TID('devlog-save'))).prop('disabled')) === false, {
        what: 'Save to be enabled',
      });
      await (await s.waitFor(TID('devlog-save'))).click();
      const saved = await s.waitFor(TID('devlog-saved'), { timeout: 30000 });
      const progress = await s.waitFor(TID('devlog-progress'));
      assert.equal(await progress.attr('data-stage'), 'done');
      assert.equal(await progress.attr('data-percent'), '100');
      const path = await saved.attr('data-path');
      assert.ok(path.startsWith(saveDir), path);
      assert.ok(path.endsWith(`.${format}`), path);
      assert.ok(readdirSync(saveDir).every((f) => !f.includes('partial')), 'no temporary file left');
      const text = fileText(path);
      assert.deepEqual(namesIn(text, team), [], `${format} names someone`);
      assert.match(text.replace(/\s+/g, ' '), /Employee [A-H]/);
      assert.match(text, /Mette Testesen/);
      assert.match(text, /Development log/);
      // Open the file, or show it in its folder: offered once it exists.
      await s.waitFor(TID('devlog-open-file'));
      await s.waitFor(TID('devlog-show-in-folder'));
      if (format === 'pdf') {
        await s.execute("arguments[0].scrollIntoView({ block: 'center' });", [saved.ref()]);
        await screenshot(s, 'devlog-saved-en');
      }
    });
  }

  test('a period with nothing in it says so and cannot be saved', async () => {
    await setSelect(s, 'devlog-period', 'custom');
    await setValue(s, 'devlog-from', '2001-01-01');
    await setValue(s, 'devlog-to', '2001-03-31');
    await settled(s);
    const err = await s.waitFor(TID('devlog-preview-error'));
    assert.equal(await err.attr('data-code'), 'empty_period');
    assert.match(await err.text(), /nothing to show/i);
    assert.equal(await (await s.waitFor(TID('devlog-save'))).prop('disabled'), true);
    // An end before the start is caught at once.
    await setValue(s, 'devlog-to', '2000-12-31');
    await s.waitFor(TID('devlog-period-problem'));
    await setSelect(s, 'devlog-period', '3');
    await settled(s);
    await s.waitFor(TID('devlog-preview'));
  });

  test('screenshots in Danish, and dark', async () => {
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    await go(s, '#/devlog');
    await settled(s);
    const text = await previewText(s);
    assert.match(text, /Udviklingslog/);
    assert.match(text, /Medarbejder [A-H]/);
    assert.deepEqual(namesIn(text, team), []);
    await atTop(s);
    await screenshot(s, 'devlog-da');

    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'en');
    await setSelect(s, 'setting-theme', 'dark');
    await go(s, '#/devlog');
    await settled(s);
    await atTop(s);
    await screenshot(s, 'devlog-dark-en');
    // Further down: the preview with its charts.
    await s.execute("document.querySelector('[data-testid=\"devlog-preview-chart\"]').scrollIntoView({ block: 'start' });");
    await sleep(200);
    await screenshot(s, 'devlog-preview-dark-en');
    await go(s, '#/settings');
    await setSelect(s, 'setting-theme', 'system');
  });
});

describe('a very long course log', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('devlog-long');

  before(async () => {
    cli(dataDir, 'demo', '--weeks', '320', '--notes-per-week', '0');
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('a PDF or Word file of hundreds of weeks is flagged before saving; a short period is not', async () => {
    await go(s, '#/devlog');
    await settled(s);
    assert.equal((await s.findAll(TID('devlog-long'))).length, 0, 'three months is not long');
    await setSelect(s, 'devlog-period', 'custom');
    await setValue(s, 'devlog-from', '2000-01-01');
    await setValue(s, 'devlog-to', localIsoDate());
    await settled(s);
    const note = await s.waitFor(TID('devlog-long'));
    assert.match(await note.text(), /holds \d{3} weeks of reflections/);
    await s.execute("document.querySelector('[data-testid=\"devlog-long\"]').scrollIntoView({ block: 'center' });");
    await screenshot(s, 'devlog-long-en');
    // Markdown is quick at any length; saving stays possible either way.
    await setSelect(s, 'devlog-format', 'markdown');
    await s.waitUntil(async () => (await s.findAll(TID('devlog-long'))).length === 0, { what: 'the note to go' });
    assert.equal(await (await s.waitFor(TID('devlog-save'))).prop('disabled'), false);
  });
});
