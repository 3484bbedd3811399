// Backups and restore through Settings > Your data, on the real app: the
// day's automatic backup at launch, "Back up now", a change, then "Restore…"
// of that backup (the change is gone, the earlier text is back, and the state
// before the restore is itself kept as a backup). A file that turns out not
// to be a backup is refused with a message and changes nothing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDataDir, go, screenshot, startDriver, waitSaved } from './lib/app.mjs';
import { cli, holdings } from './lib/cli.mjs';
import { localIsoDate, localTime } from './lib/clock.mjs';
import { setSelect, setValue, TID, typeInto, value } from './lib/form.mjs';
import { sleep } from './lib/webdriver.mjs';

const ORIGINAL = 'Jeg spurgte teamet, hvordan de selv ville løse opgaven.';

/** "N reflections, N notes, N people and N conversations", as Settings words it. */
function holdsText(h) {
  return `${h.reflections} reflections, ${h.notes} notes, ${h.people} people and ${h.conversations} conversations`;
}

/** Scrolls the element of `testid` to the top of the view, then saves a PNG. */
async function shot(s, name, testid) {
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     const main = document.getElementById('main');
     if (el && main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 24;`,
    [TID(testid)],
  );
  await screenshot(s, name);
}

/** The demo team has someone past their retention date: its banner out of the way. */
async function dismissBanner(s) {
  const banner = await s.findAll(TID('retention-dismiss'));
  if (banner.length) await banner[0].click();
}

/** Opens Settings and the restore list, and waits for the list. */
async function openRestoreList(s) {
  await go(s, '#/settings');
  const panel = await s.findAll(TID('restore-panel'));
  if (panel.length === 0) await (await s.waitFor(TID('restore-open'))).click();
  await s.waitFor(`${TID('restore-panel')} ${TID('backup-item')}`);
}

async function items(s) {
  const out = [];
  for (const el of await s.findAll(TID('backup-item'))) {
    out.push({ file: await el.attr('data-file'), kind: await el.attr('data-kind'), el });
  }
  return out;
}

describe('backups and restore in Settings', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('backup');
  const backups = join(dataDir, 'backups');
  let noteId;
  let manualFile;
  let held; // what the data folder holds when the backups are made

  before(async () => {
    cli(dataDir, 'demo', '--weeks', '8', '--notes-per-week', '1');
    const added = cli(dataDir, 'note', 'add', '--title', 'Delegering', ORIGINAL);
    noteId = Number(/Added note (\d+)/.exec(added)[1]);
    held = holdings(dataDir);
    assert.ok(held.reflections > 0 && held.notes > 0 && held.people > 0 && held.conversations > 0, JSON.stringify(held));
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
    await dismissBanner(s);
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('the first launch of the day makes an automatic backup', async () => {
    await s.waitUntil(
      async () => {
        try {
          return readdirSync(backups).some((f) => f.endsWith('-auto.sqlite3'));
        } catch {
          return false; // the folder is not there yet
        }
      },
      { what: 'the launch backup' },
    );
    await openRestoreList(s);
    const list = await items(s);
    assert.equal(list.length, 1);
    assert.equal(list[0].kind, 'automatic');
    assert.ok((await list[0].el.text()).includes(holdsText(held)), await list[0].el.text());
    await (await s.waitFor(TID('restore-open'))).click(); // close it again
  });

  test('Settings shows where the data and backups are; "Back up now" says what it saved', async () => {
    await go(s, '#/settings');
    const folder = await s.waitFor(TID('backups-dir'), { pred: async (el) => (await el.text()).length > 0 });
    assert.equal(await folder.text(), backups);
    await shot(s, 'settings-data-en', 'data-settings');
    await (await s.waitFor(TID('backup-now'))).click();
    const result = await s.waitFor(TID('backup-result'));
    manualFile = await result.attr('data-file');
    // Named by the local date and time on the app's clock.
    assert.equal(manualFile, `tillid-${localIsoDate()}_${localTime().replaceAll(':', '-')}-manual.sqlite3`);
    assert.match(await result.text(), /Backup made /);
    assert.ok((await result.text()).includes(`It holds ${holdsText(held)}.`), await result.text());
    assert.ok(readdirSync(backups).includes(manualFile));
    await shot(s, 'settings-data-result-en', 'data-settings');
  });

  test('a change after the backup', async () => {
    await go(s, `#/note/${noteId}`);
    assert.equal(await value(s, 'note-body'), ORIGINAL);
    await setValue(s, 'note-body', 'Overskrevet efter sikkerhedskopien.');
    await waitSaved(s);
    await go(s, '#/note/new');
    await typeInto(s, 'note-title', 'Skrevet efter kopien');
    await typeInto(s, 'note-body', 'Kaffeautomaten');
    await waitSaved(s);
    assert.match(cli(dataDir, 'search', 'Kaffeautomaten'), /Skrevet efter kopien/);
  });

  test('a file that is not a backup is refused, and nothing changes', async () => {
    // Looks like a backup while the list is read, then is not one.
    const decoy = 'tillid-2020-01-01_10-00-00-manual.sqlite3';
    copyFileSync(join(backups, manualFile), join(backups, decoy));
    await openRestoreList(s);
    const target = (await items(s)).find((i) => i.file === decoy);
    assert.ok(target, 'the decoy is listed');
    writeFileSync(join(backups, decoy), 'Dette er ikke en database.\n');
    await (await target.el.find(TID('restore-pick'))).click();
    const err = await s.waitFor(TID('restore-error'));
    assert.equal(await err.attr('data-code'), 'not_a_backup');
    assert.match(await err.text(), /isn't a Tillid backup/);
    assert.equal((await s.findAll(TID('restore-confirm'))).length, 0);
    assert.match(cli(dataDir, 'search', 'Kaffeautomaten'), /Skrevet efter kopien/, 'data unchanged');
    // Listed again, it is named as one that cannot be restored.
    await (await s.waitFor(TID('restore-open'))).click();
    await openRestoreList(s);
    const unreadable = await s.waitFor(TID('backup-unreadable'));
    assert.match(await unreadable.text(), new RegExp(decoy));
  });

  test('restoring the backup brings back what it held and keeps what was there', async () => {
    await openRestoreList(s);
    const list = await items(s);
    assert.deepEqual(
      list.map((i) => i.kind),
      ['manual', 'automatic'],
      'newest first',
    );
    const target = list.find((i) => i.file === manualFile);
    await (await target.el.find(TID('restore-pick'))).click();
    const confirm = await s.waitFor(TID('restore-confirm'));
    assert.equal(await confirm.attr('data-file'), manualFile);
    const text = await confirm.text();
    assert.match(text, /Restore the backup from \d+ \w+ \d{4}, \d\d:\d\d\?/);
    assert.ok(text.includes(`It holds ${holdsText(held)}.`), text);
    assert.match(text, /First, Tillid backs up what you have now/);
    // Cancel (focused first) asks nothing more and changes nothing.
    const focused = await s.execute('return document.activeElement?.dataset?.testid ?? null;');
    assert.equal(focused, 'cancel-restore');
    await shot(s, 'restore-confirm-en', 'restore-panel');

    await (await s.waitFor(TID('confirm-restore'))).click();
    const done = await s.waitFor(TID('restore-result'), { timeout: 20000 });
    assert.match(await done.text(), /has been restored\. What you had before is kept as a backup from/);
    await dismissBanner(s);
    await shot(s, 'restore-done-en', 'data-settings');

    // The change is gone; the earlier text is back.
    assert.doesNotMatch(cli(dataDir, 'search', 'Kaffeautomaten', '--json'), /Skrevet/);
    await go(s, `#/note/${noteId}`);
    await s.waitUntil(async () => (await value(s, 'note-body')) === ORIGINAL, { what: 'the original text' });

    // The state before the restore is in the list, and holds the change.
    await openRestoreList(s);
    const after = await items(s);
    const before = after.find((i) => i.kind === 'before_restore');
    assert.ok(before, 'a before-restore backup is listed');
    assert.equal(after[0].kind, 'before_restore', 'it is the newest');
    assert.match(await before.el.text(), /Made just before a restore/);
    assert.ok(readdirSync(backups).includes(before.file));
  });

  test('in Danish, light and dark', async () => {
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    await s.waitFor(TID('backup-now'), { pred: async (el) => (await el.text()).includes('Tag en sikkerhedskopi nu') });
    if ((await s.findAll(TID('restore-panel'))).length) await (await s.waitFor(TID('restore-open'))).click();
    await shot(s, 'settings-data-da', 'data-settings');
    await openRestoreList(s);
    const list = await items(s);
    await (await list[list.length - 1].el.find(TID('restore-pick'))).click();
    const confirm = await s.waitFor(TID('restore-confirm'));
    assert.match(await confirm.text(), /Gendan sikkerhedskopien fra \d+\. \w+ \d{4} kl\. \d\d\.\d\d\?/);
    await shot(s, 'restore-confirm-da', 'restore-panel');
    await setSelect(s, 'setting-theme', 'dark');
    await sleep(300);
    await shot(s, 'restore-confirm-da-dark', 'restore-panel');
    await (await s.waitFor(TID('cancel-restore'))).click();
    await shot(s, 'restore-list-da-dark', 'restore-panel');
    await setSelect(s, 'setting-theme', 'system');
    await setSelect(s, 'setting-language', 'en');
  });
});
