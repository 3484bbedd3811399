// Import from another journal through Settings, on the real app: jrnl,
// Day One (zip) and a folder of Markdown daily notes become dated notes with
// their tags, and importing again adds nothing; a Tillid export into a Tillid
// that has data asks to merge first; a damaged file is refused with a message
// and adds nothing; a big import shows a progress bar. The native open
// dialog is skipped with TILLID_E2E_IMPORT_DIR (debug builds only): choosing
// picks jrnl.json, dayone.zip, markdown/ or tillid.json in that folder.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDataDir, go, screenshot, startDriver } from './lib/app.mjs';
import { cli } from './lib/cli.mjs';
import { setSelect, TID } from './lib/form.mjs';

const FIXTURES = join(resolve(import.meta.dirname, '../..'), 'crates/tillid-core/tests/fixtures');


function notes(dataDir) {
  return JSON.parse(cli(dataDir, 'stats', '--json')).notes;
}

/** Scrolls the import section to the top of the view, then saves a PNG. */
async function shot(s, name) {
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     const main = document.getElementById('main');
     if (el && main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 24;`,
    [TID('import-settings')],
  );
  await screenshot(s, name);
}

/** The run number of the import shown last (0 before any). */
async function lastRun(s) {
  const el = await s.findAll(TID('import-outcome'));
  return el.length ? Number(await el[0].attr('data-run')) : 0;
}

/** Clicks an import button and waits for this run's result or error. */
async function importKind(s, kind) {
  await go(s, '#/settings');
  const before = await lastRun(s);
  await (await s.waitFor(TID(`import-${kind}`))).click();
  let outcome;
  await s.waitUntil(
    async () => {
      const found = await s.findAll(TID('import-outcome'));
      if (!found.length || Number(await found[0].attr('data-run')) <= before) return false;
      const res = await found[0].findAll(TID('import-result'));
      const err = await found[0].findAll(TID('import-error'));
      outcome = { result: res[0], error: err[0] };
      return true;
    },
    { what: `the ${kind} import to finish`, timeout: 60000 },
  );
  return outcome;
}

/** A jrnl export of `n` entries, big enough to take a few seconds. */
function bigJrnl(n) {
  const entries = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + i * 3600 * 1000 * 7);
    entries.push({
      title: `Dag ${i}.`,
      body: `Tekst nummer ${i} om tillid og uddelegering i teamet.`,
      date: d.toISOString().slice(0, 10),
      time: d.toISOString().slice(11, 16),
      tags: [`@emne${i % 7}`],
      starred: false,
    });
  }
  return JSON.stringify({ tags: {}, entries }, null, 2);
}

describe('import from another journal', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('import');
  const importDir = mkdtempSync(join(tmpdir(), 'tillid-e2e-import-'));

  before(async () => {
    cpSync(join(FIXTURES, 'jrnl.json'), join(importDir, 'jrnl.json'));
    cpSync(join(FIXTURES, 'markdown-vault'), join(importDir, 'markdown'), { recursive: true });
    execFileSync('python3', [
      '-c',
      'import sys, zipfile\n' +
        'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n' +
        '    for name in ("Journal.json", "Arbejde.json"):\n' +
        '        z.write(sys.argv[2] + "/" + name, name)\n' +
        '    z.writestr("photos/2b9cabb0f836b94993374549f617b8f6.jpeg", b"not a photo")\n',
      join(importDir, 'dayone.zip'),
      join(FIXTURES, 'dayone'),
    ]);
    // A Tillid export from another data folder: a demo team and history.
    const other = freshDataDir('import-other');
    cli(other, 'demo', '--weeks', '6', '--notes-per-week', '1');
    cli(other, 'export', '--format', 'json', '-o', join(importDir, 'tillid.json'));
    // Her own Tillid already holds a note.
    cli(dataDir, 'note', 'add', '--title', 'Min egen note', 'Skrevet før importen.');
    driver = await startDriver({
      dataDir,
      lang: 'en_US.UTF-8',
      env: { TILLID_E2E_IMPORT_DIR: importDir },
    });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('jrnl: five dated notes with their tags, and nothing twice', async () => {
    await go(s, '#/settings');
    await s.waitFor(TID('import-settings'));
    await shot(s, 'settings-import-en-light');
    const { result, error } = await importKind(s, 'jrnl');
    assert.equal(error, undefined, error && (await error.text()));
    assert.equal(await result.attr('data-added'), '5');
    assert.match(await result.text(), /Imported from jrnl\.json: 5 new notes\./);
    await shot(s, 'settings-import-result-en-light');
    assert.equal(notes(dataDir), 6);
    const hits = JSON.parse(cli(dataDir, 'search', 'overvåget', '--json'));
    assert.equal(hits.length, 1);
    assert.equal(hits[0].date, '2024-01-09');

    const again = await importKind(s, 'jrnl');
    assert.equal(await again.result.attr('data-added'), '0');
    assert.match(await again.result.text(), /0 new notes, 5 were already here/);
    assert.equal(notes(dataDir), 6);
  });

  test('Day One zip and Markdown daily notes', async () => {
    const dayone = await importKind(s, 'dayone');
    assert.equal(await dayone.result.attr('data-added'), '4');
    const md = await importKind(s, 'markdown');
    assert.equal(await md.result.attr('data-added'), '3');
    assert.equal(await md.result.attr('data-ignored'), '1');
    assert.match(await md.result.text(), /1 Markdown file isn't named as a date/);
    assert.equal(notes(dataDir), 13);
    // The imported notes are in the journal, with their tags.
    await go(s, '#/journal');
    await s.waitUntil(
      async () => {
        for (const el of await s.findAll(TID('timeline-item'))) {
          if (/Morgenmøde/.test(await el.text())) return true;
        }
        return false;
      },
      { what: 'the Day One note in the journal' },
    );
  });

  test('a Tillid export into a Tillid with data asks to merge, then adds', async () => {
    const { error } = await importKind(s, 'json');
    assert.ok(error, 'refused without merge');
    assert.equal(await error.attr('data-code'), 'import_not_empty');
    assert.match(await error.text(), /Choose to merge/);
    await s.waitFor(TID('import-merge-offer'));
    await shot(s, 'settings-import-merge-en-light');
    assert.equal(notes(dataDir), 13, 'nothing was added yet');
    const run = await lastRun(s);
    await (await s.waitFor(TID('import-merge'))).click();
    const res = await s.waitFor(TID('import-result'), {
      pred: async (el) => (await el.attr('data-kind')) === 'json' && (await lastRun(s)) > run,
      timeout: 60000,
    });
    assert.ok(Number(await res.attr('data-added')) > 20, await res.text());
    assert.equal(JSON.parse(cli(dataDir, 'people', 'list', '--json')).length, 8, 'the demo team came along');
    assert.equal((await s.findAll(TID('import-merge-offer'))).length, 0);
  });

  test('a damaged file is refused with a message, and nothing is added', async () => {
    const before = notes(dataDir);
    const good = readFileSync(join(FIXTURES, 'jrnl.json'), 'utf8');
    writeFileSync(join(importDir, 'jrnl.json'), good.slice(0, good.length / 2));
    const { error } = await importKind(s, 'jrnl');
    assert.ok(error, 'refused');
    assert.equal(await error.attr('data-code'), 'import_file');
    assert.match(await error.text(), /Nothing was imported/);
    assert.match(await error.text(), /jrnl\.json/);
    await shot(s, 'settings-import-error-en-light');
    assert.equal(notes(dataDir), before);
  });

  test('a big import shows a progress bar', async () => {
    writeFileSync(join(importDir, 'jrnl.json'), bigJrnl(25000));
    await go(s, '#/settings');
    await (await s.waitFor(TID('import-jrnl'))).click();
    const bar = await s.waitFor(TID('import-progress'), { timeout: 30000 });
    const total = Number(await bar.attr('data-total'));
    assert.equal(total, 25000);
    await shot(s, 'settings-import-progress-en-light');
    const res = await s.waitFor(TID('import-result'), { timeout: 120000 });
    assert.equal(await res.attr('data-added'), '25000');
    assert.equal((await s.findAll(TID('import-progress'))).length, 0);
  });

  test('Danish and dark', async () => {
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    const title = await s.waitFor('#import-title', { pred: async (el) => /Importér/.test(await el.text()) });
    assert.match(await title.text(), /Importér fra en anden dagbog/);
    writeFileSync(join(importDir, 'jrnl.json'), readFileSync(join(FIXTURES, 'jrnl.json')));
    const { result } = await importKind(s, 'jrnl');
    assert.match(await result.text(), /Importeret fra jrnl\.json: 0 nye noter, 5 fandtes allerede\./);
    await shot(s, 'settings-import-da-light');
    await setSelect(s, 'setting-theme', 'dark');
    await shot(s, 'settings-import-da-dark');
    await setSelect(s, 'setting-language', 'en');
    await s.waitFor('#import-title', { pred: async (el) => /Import from/.test(await el.text()) });
    await shot(s, 'settings-import-en-dark');
    await setSelect(s, 'setting-theme', 'system');
  });
});
