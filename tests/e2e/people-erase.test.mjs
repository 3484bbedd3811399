// A person erased (here from the command line, which shares the data file)
// while one of their conversations is open in the app: the editor closes
// calmly, nothing about anyone else is lost, and the name is nowhere.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDataDir, go, startDriver, waitSaved } from './lib/app.mjs';
import { cli as tillid } from './lib/cli.mjs';
import { setValue, TID, typeInto, value } from './lib/form.mjs';
import { sleep } from './lib/webdriver.mjs';


describe('erasing a person whose conversation is open', () => {
  const dataDir = freshDataDir('erase-open');
  const cli = (...args) => tillid(dataDir, ...args);
  let driver;
  let s;
  let ida;
  let bo;

  before(async () => {
    cli('people', 'add', 'Ida Østergård', '--role', 'Nurse');
    cli('people', 'add', 'Bo Ladefoged', '--role', 'Porter');
    const people = JSON.parse(cli('people', 'list', '--json'));
    ida = people.find((p) => p.name === 'Ida Østergård').id;
    bo = people.find((p) => p.name === 'Bo Ladefoged').id;
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('the open editor closes cleanly and nothing else is lost', async () => {
    // Someone else's conversation and a journal note, which must survive.
    await go(s, `#/person/${bo}`);
    await (await s.waitFor(TID('start-one_on_one'))).click();
    await typeInto(s, 'conversation-notes', 'Bo would like the night shifts back.');
    await waitSaved(s);
    const boConversation = await s.execute("return location.hash.split('/').pop();");

    await go(s, `#/person/${ida}`);
    await (await s.waitFor(TID('start-one_on_one'))).click();
    await typeInto(s, 'conversation-notes', 'Ida asked about the course.');
    await waitSaved(s);

    const out = cli('people', 'delete', String(ida), '--yes');
    assert.match(out, /Ida Østergård|1/);

    // She goes on typing; the save finds the conversation gone.
    await typeInto(s, 'conversation-notes', ' More words.');
    await s.waitFor(TID('gone-message'), { timeout: 15000 });
    assert.equal((await s.findAll(TID('conversation-notes'))).length, 0, 'the editor is closed');
    assert.equal((await s.findAll(TID('error-message'))).length, 0, 'no error, only the calm note');

    await go(s, `#/conversation/${boConversation}`);
    assert.equal(await value(s, 'conversation-notes'), 'Bo would like the night shifts back.');
    for (const hash of ['#/', '#/people', `#/person/${bo}`]) {
      await go(s, hash);
      await sleep(400);
      assert.ok(!(await s.execute('return document.body.innerText;')).includes('Ida'), hash);
    }
    const input = await s.waitFor(TID('search-input'));
    await input.click();
    await input.type('Østergård');
    await sleep(1000);
    assert.equal((await s.findAll(TID('people-hit'))).length, 0);
    assert.equal(JSON.parse(cli('people', 'list', '--json')).length, 1);
  });

  test('conversation notes over 5 MB are refused with a message; the editor keeps them, the agenda is untouched', async () => {
    await go(s, `#/person/${bo}`);
    await (await s.waitFor(TID('start-one_on_one'))).click();
    await s.waitFor(TID('conversation-agenda'));
    await setValue(s, 'conversation-agenda', 'Nattevagter og ferieplan');
    await waitSaved(s);
    const line = 'Bo fortalte, hvordan teamet selv havde lagt vagtplanen for december.\n';
    const repeats = Math.ceil((5 * 1024 * 1024 + 1) / Buffer.byteLength(line)) + 1;
    await s.execute(
      `const el = document.querySelector(arguments[0]);
       el.value = arguments[1].repeat(arguments[2]);
       el.dispatchEvent(new Event('input', { bubbles: true }));`,
      [TID('conversation-notes'), line, repeats],
    );
    const msg = await s.waitFor(TID('error-message'), { timeout: 30000 });
    assert.match(await msg.text(), /5 MB/);
    const length = await s.execute('return document.querySelector(arguments[0]).value.length;', [TID('conversation-notes')]);
    assert.equal(length, line.length * repeats, 'every character still in the editor');
    await setValue(s, 'conversation-notes', 'Kortere noter.');
    await waitSaved(s);
    const id = await s.execute("return location.hash.split('/').pop();");
    await go(s, '#/people');
    await go(s, `#/conversation/${id}`);
    assert.equal(await value(s, 'conversation-notes'), 'Kortere noter.');
    assert.equal(await value(s, 'conversation-agenda'), 'Nattevagter og ferieplan');
  });
});
