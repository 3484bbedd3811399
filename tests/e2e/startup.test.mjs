// What Mette sees when the data cannot be opened: a clear screen, not a crash.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TID } from './lib/form.mjs';
import { freshDataDir, screenshot, startDriver } from './lib/app.mjs';


describe('start-up with unusable data', () => {
  test('a corrupted database shows a clear screen naming the file, and the file is untouched', async () => {
    const dir = freshDataDir('corrupt');
    const file = join(dir, 'tillid.sqlite3');
    const garbage = Buffer.alloc(8192, 0x42);
    writeFileSync(file, garbage);
    const driver = await startDriver({ dataDir: dir, lang: 'da_DK.UTF-8' });
    const s = await driver.launch();
    try {
      const screen = await s.waitFor(TID('startup-error'));
      const text = await screen.text();
      assert.ok(text.includes(file), `names the file: ${text}`);
      assert.match(text, /Tillid kunne ikke åbne dine data/, 'in Danish, as the OS is');
      assert.ok(await s.find(TID('open-folder')));
      await screenshot(s, 'startup-error-da');
    } finally {
      await s.end();
      await driver.stop();
    }
    assert.deepEqual(readFileSync(file), garbage, 'file left untouched');
  });

  test('an unusable data folder gives a clear message', async () => {
    const dir = freshDataDir('nodir');
    const notADir = join(dir, 'a-file');
    writeFileSync(notADir, 'x');
    const driver = await startDriver({ dataDir: join(notADir, 'data'), lang: 'en_US.UTF-8' });
    const s = await driver.launch();
    try {
      const screen = await s.waitFor(TID('startup-error'));
      assert.match(await screen.text(), /folder/i);
    } finally {
      await s.end();
      await driver.stop();
    }
  });
});
