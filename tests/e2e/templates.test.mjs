// Her own agenda templates, through the real app: keep an agenda as a
// template, start the next 1:1 from it, go back to Tillid's, delete it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDataDir, go, screenshot, startDriver, waitSaved } from './lib/app.mjs';
import { setSelect, setValue, TID, typeInto, value } from './lib/form.mjs';
import { addPerson } from './lib/people.mjs';

describe('own agenda templates', () => {
  let driver;
  let s;
  let personId;
  const mine = '- **Trivsel** — hvordan går det?\n- Én ting, du vil have hjælp til';

  before(async () => {
    driver = await startDriver({ dataDir: freshDataDir('templates'), lang: 'en_US.UTF-8' });
    s = await driver.launch();
    personId = await addPerson(s, 'Åse Kjær');
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  async function startOneOnOne() {
    await go(s, `#/person/${personId}`);
    await (await s.waitFor(TID('start-one_on_one'))).click();
    await s.waitFor(TID('agenda-templates'));
  }

  test('an agenda kept as the default template starts the next 1:1', async () => {
    await startOneOnOne();
    const builtIn = await value(s, 'conversation-agenda');
    assert.match(builtIn, /\S/, "Tillid's agenda is there to start with");

    await setValue(s, 'conversation-agenda', mine);
    await waitSaved(s);
    await (await s.waitFor(TID('template-save-open'))).click();
    // An empty name is refused with a message and nothing is saved.
    await (await s.waitFor(TID('template-save'))).click();
    await s.waitFor('#template-name-help .problem');
    await typeInto(s, 'template-name', 'Short check-in');
    await (await s.waitFor(TID('template-default'))).click();
    await screenshot(s, 'template-save-en');
    await (await s.waitFor(TID('template-save'))).click();
    await s.waitFor(TID('template-status'), { pred: async (el) => (await el.text()).includes('Short check-in') });

    await startOneOnOne();
    assert.equal(await value(s, 'conversation-agenda'), mine, 'the new 1:1 starts from her template');

    // Back to Tillid's agenda: replacing what is there asks first.
    await setSelect(s, 'template-select', 'builtin');
    await (await s.waitFor(TID('template-use'))).click();
    await (await s.waitFor(TID('cancel-delete'))).click();
    assert.equal(await value(s, 'conversation-agenda'), mine, 'cancel keeps the agenda');
    await (await s.waitFor(TID('template-use'))).click();
    await (await s.waitFor(TID('confirm-delete'))).click();
    await s.waitUntil(async () => (await value(s, 'conversation-agenda')) === builtIn, { what: "Tillid's agenda back" });
    await waitSaved(s);
  });

  test('a deleted template is gone and new 1:1s start from Tillid’s agenda again', async () => {
    await startOneOnOne();
    const id = await s.execute(
      `const o = [...document.querySelectorAll('[data-testid="template-select"] option')].find((o) => o.textContent.includes('Short check-in'));
       return o ? o.value : null;`,
    );
    assert.ok(id, 'her template is offered');
    await setSelect(s, 'template-select', id);
    await (await s.waitFor(TID('template-delete'))).click();
    await (await s.waitFor(TID('confirm-delete'))).click();
    await s.waitFor(TID('template-status'), { pred: async (el) => (await el.text()).includes('deleted') });
    const options = await s.execute(
      `return [...document.querySelectorAll('[data-testid="template-select"] option')].map((o) => o.textContent);`,
    );
    assert.deepEqual(options.length, 1, `only Tillid's agenda left: ${options}`);

    await startOneOnOne();
    assert.notEqual(await value(s, 'conversation-agenda'), mine);
  });

  test('in Danish, light and dark', async () => {
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    await startOneOnOne();
    await setValue(s, 'conversation-agenda', mine);
    await waitSaved(s);
    await (await s.waitFor(TID('template-save-open'))).click();
    await typeInto(s, 'template-name', 'Kort tjek-ind');
    const row = await s.waitFor(TID('agenda-templates'));
    assert.match(await row.text(), /Start fra/);
    assert.doesNotMatch(await row.text(), /Save as my template|Start from/, 'no English left');
    await screenshot(s, 'template-save-da-light');
    await (await s.waitFor(TID('template-save'))).click();
    await s.waitFor(TID('template-status'), { pred: async (el) => (await el.text()).includes('Kort tjek-ind') });
    await go(s, '#/settings');
    await setSelect(s, 'setting-theme', 'dark');
    await startOneOnOne();
    await s.execute(`document.querySelector('[data-testid="agenda-templates"]').scrollIntoView({ block: 'center' });`);
    await screenshot(s, 'template-row-da-dark');
    await go(s, '#/settings');
    await setSelect(s, 'setting-theme', 'system');
    await setSelect(s, 'setting-language', 'en');
  });
});
