// "Export everything" in Settings, on the real app: the whole store goes to
// one JSON file where she chose (the save dialog is skipped with
// TILLID_E2E_SAVE_DIR, debug builds only), byte for byte what the CLI's
// lossless export writes; a place that cannot be written gives a message
// and leaves nothing behind; and a second, empty Tillid imports the file
// through Settings and then holds exactly the same data.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDataDir, go, localIsoDate, screenshot, startDriver } from './lib/app.mjs';
import { cli, lossless } from './lib/cli.mjs';
import { setSelect, TID } from './lib/form.mjs';

/** Scrolls the export section to the top of the view, then saves a PNG. */
async function shot(s, name) {
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     const main = document.getElementById('main');
     if (el && main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 24;`,
    [TID('everything-settings')],
  );
  await screenshot(s, name);
}

const saveDir = mkdtempSync(join(tmpdir(), 'tillid-e2e-everything-'));
const fileName = `Tillid-${localIsoDate()}.json`;
const source = freshDataDir('everything');

describe('export everything', () => {
  let driver;
  let s;

  before(async () => {
    cli(source, 'demo', '--weeks', '8', '--notes-per-week', '1');
    cli(source, 'note', 'add', '--title', 'Skæv <b>note</b> 🌱', '<script>alert(1)</script> og æøå');
    driver = await startDriver({ dataDir: source, env: { TILLID_E2E_SAVE_DIR: saveDir } });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('a place that cannot be written: a message, and nothing left behind', async () => {
    // A folder where the file should go: the rename onto it fails.
    mkdirSync(join(saveDir, fileName));
    await go(s, '#/settings');
    await (await s.waitFor(TID('export-everything'))).click();
    const error = await s.waitFor(TID('everything-error'), { timeout: 30000 });
    assert.equal(await error.attr('data-code'), 'cannot_write');
    assert.match(await error.text(), /couldn't save the file there/);
    assert.deepEqual(readdirSync(saveDir), [fileName], 'no partial file beside it');
    assert.equal((await s.findAll(TID('everything-saved'))).length, 0);
    rmdirSync(join(saveDir, fileName));
  });

  test('everything goes to the chosen file, exactly as the lossless export', async () => {
    await (await s.waitFor(TID('export-everything'))).click();
    const saved = await s.waitFor(TID('everything-saved'), { timeout: 30000 });
    assert.equal(await saved.attr('data-path'), join(saveDir, fileName));
    assert.equal((await s.findAll(TID('everything-error'))).length, 0, 'the old error is gone');
    const text = await saved.text();
    assert.match(text, /Everything is exported/);
    assert.match(text, /The file holds \d+ reflections, \d+ notes, 8 people and \d+ conversations \(\d+ kB\)/);
    // Only "Show in folder": the JSON is for Tillid, not for reading.
    assert.equal((await s.findAll(TID('everything-open-file'))).length, 0);
    await s.waitFor(TID('everything-show-in-folder'));

    const written = readFileSync(join(saveDir, fileName), 'utf8');
    const json = JSON.parse(written);
    assert.equal(json.format, 'tillid-export');
    assert.equal(json.version, 1);
    assert.equal(written, lossless(source), 'the same bytes as `tillid export --format json`');
    assert.ok(written.includes('<script>alert(1)</script> og æøå'), 'text kept as written');
    const stats = JSON.parse(cli(source, 'stats', '--json'));
    assert.match(text, new RegExp(`${stats.notes} notes`));
    await shot(s, 'settings-everything-en-light');
  });

  test('Danish and dark', async () => {
    await setSelect(s, 'setting-language', 'da');
    const title = await s.waitFor('#everything-title', { pred: async (el) => /Eksportér alt/.test(await el.text()) });
    assert.ok(title);
    const privacy = await s.waitFor(TID('everything-settings'));
    assert.match(await privacy.text(), /ikke krypteret/);
    await (await s.waitFor(TID('export-everything'))).click();
    const saved = await s.waitFor(TID('everything-saved'), {
      timeout: 30000,
      pred: async (el) => /Alt er eksporteret/.test(await el.text()),
    });
    assert.match(await saved.text(), /Filen indeholder \d+ refleksioner, \d+ noter, 8 medarbejdere og \d+ samtaler \(\d+ kB\)/);
    await shot(s, 'settings-everything-da-light');
    await setSelect(s, 'setting-theme', 'dark');
    await shot(s, 'settings-everything-da-dark');
    await setSelect(s, 'setting-theme', 'system');
    await setSelect(s, 'setting-language', 'en');
  });
});

describe('the export read back into an empty Tillid', () => {
  let driver;
  let s;
  const target = freshDataDir('everything-target');
  const importDir = mkdtempSync(join(tmpdir(), 'tillid-e2e-everything-import-'));

  before(async () => {
    copyFileSync(join(saveDir, fileName), join(importDir, 'tillid.json'));
    driver = await startDriver({ dataDir: target, env: { TILLID_E2E_IMPORT_DIR: importDir } });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('import in Settings, and the two Tillids hold the same', async () => {
    await go(s, '#/settings');
    await (await s.waitFor(TID('import-json'))).click();
    const res = await s.waitFor(TID('import-result'), { timeout: 60000 });
    assert.ok(Number(await res.attr('data-added')) > 20, await res.text());
    assert.equal((await s.findAll(TID('import-merge-offer'))).length, 0, 'an empty Tillid does not ask to merge');
    const exported = readFileSync(join(importDir, 'tillid.json'), 'utf8');
    const now = JSON.parse(lossless(target));
    const then = JSON.parse(exported);
    // The language is hers to set in each Tillid; everything else is equal.
    delete now.settings.language;
    delete then.settings.language;
    assert.deepEqual(now, then);
  });
});
