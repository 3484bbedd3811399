// Editing and deleting a single feedback item, expectation and agreement, in
// place on the person page and in a 1:1, through the real app. Every change
// is checked again after navigating away and back, so it is the stored data
// that changed, not just what the page showed.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, freshDataDir, go, localIsoDate, screenshot, startDriver } from './lib/app.mjs';
import { setSelect, TID, typeInto } from './lib/form.mjs';
import { addPerson } from './lib/people.mjs';
import { sleep } from './lib/webdriver.mjs';

/** The first element matching `testid` whose text includes `text`, waiting for it. */
function itemWith(s, testid, text) {
  return s.waitFor(TID(testid), { pred: async (el) => (await el.text()).includes(text) });
}

/** How many elements match `testid` and include `text`. */
async function countWith(s, testid, text) {
  let n = 0;
  for (const el of await s.findAll(TID(testid))) if ((await el.text()).includes(text)) n++;
  return n;
}

/** An element inside `parent`, waiting for it to appear. */
async function findIn(s, parent, testid) {
  let el;
  await s.waitUntil(
    async () => {
      el = await parent.find(TID(testid));
      return true;
    },
    { what: testid },
  );
  return el;
}

/** Empties a field; WebDriver's clear fires no input event, so the app is told as typing would. */
async function empty(s, parent, testid) {
  const el = await findIn(s, parent, testid);
  await el.clear();
  await s.execute("arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", [el.ref()]);
}

/** Replaces a field's text inside `parent` with real key events. */
async function retype(parent, testid, text) {
  const el = await parent.find(TID(testid));
  await el.click();
  await el.clear();
  await el.type(text);
  return el;
}

/** The `data-testid` of the focused element and whether it sits inside `parent`. */
async function focusIn(s, parent) {
  return s.execute(
    `const a = document.activeElement;
     return { testid: a && a.getAttribute('data-testid'), inside: !!a && arguments[0].contains(a) };`,
    [parent.ref()],
  );
}

/** Scrolls `el` to the middle of the window and takes a screenshot. */
async function shoot(s, el, name, block = 'center') {
  await s.execute('arguments[0].scrollIntoView({ block: arguments[1] });', [el.ref(), block]);
  await screenshot(s, name);
}

/** Leaves the page and comes back, so everything shown is read again from the file. */
async function reload(s, hash) {
  await go(s, '#/journal');
  await go(s, hash);
}

describe('editing and deleting feedback, expectations and agreements', () => {
  let driver;
  let s;
  let personId;
  let personHash;
  const dataDir = freshDataDir('people-edit');
  const later = addDays(localIsoDate(), 14);

  before(async () => {
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('a person is added', async () => {
    personId = await addPerson(s, 'Maja Østergård', 'Team lead');
    assert.ok(personId);
    personHash = `#/person/${personId}`;
  });

  test('feedback: edit in place (cancel changes nothing, save keeps), then delete after confirming', async () => {
    await go(s, personHash);
    await typeInto(s, 'feedback-situation', "At Tuesday's planning meeting");
    await typeInto(s, 'feedback-behaviour', 'Maja summarised the three options on the whiteboard.');
    await typeInto(s, 'feedback-impact', 'We decided in ten minutes.');
    await (await s.waitFor(TID('feedback-add'))).click();
    let item = await itemWith(s, 'feedback-item', 'summarised the three options');
    const id = await item.attr('data-id');
    const itemCss = `${TID('feedback-item')}[data-id="${id}"]`;
    await shoot(s, item, 'feedback-item-en');

    // The buttons say what they act on.
    const editLabel = await (await findIn(s, item, 'feedback-edit')).attr('aria-label');
    assert.match(editLabel, /^Edit feedback from \d{1,2} [A-Z][a-z]+ \d{4}$/);
    assert.match(await (await findIn(s, item, 'feedback-delete')).attr('aria-label'), /^Delete feedback from /);

    // Cancel: the typed change is dropped, the item shows as before, focus returns to Edit.
    await (await findIn(s, item, 'feedback-edit')).click();
    const behaviour = await findIn(s, item, 'feedback-behaviour');
    assert.equal(await behaviour.prop('value'), 'Maja summarised the three options on the whiteboard.');
    assert.ok((await focusIn(s, item)).inside, 'focus moves into the edit form');
    await retype(item, 'feedback-behaviour', 'Something else entirely');
    await (await findIn(s, item, 'feedback-cancel')).click();
    await s.waitUntil(async () => (await item.findAll(TID('feedback-behaviour'))).length === 0, { what: 'the form closed' });
    assert.ok((await item.text()).includes('summarised the three options'));
    assert.ok(!(await item.text()).includes('Something else'));
    assert.deepEqual(await focusIn(s, item), { testid: 'feedback-edit', inside: true }, 'focus back on Edit');

    // Save: a judgement word still gets its hint while editing.
    await (await findIn(s, item, 'feedback-edit')).click();
    await retype(item, 'feedback-behaviour', 'Maja was lazy about the minutes.');
    await s.waitUntil(async () => (await item.findAll(TID('judgement-hint'))).length === 1, {
      what: 'the judgement hint in the edit form',
    });
    await retype(item, 'feedback-behaviour', 'Maja wrote the minutes and sent them to everyone within the hour.');
    await setSelect(s, 'feedback-tone', 'appreciative');
    await shoot(s, item, 'feedback-edit-en');
    await (await findIn(s, item, 'feedback-save')).click();
    await s.waitUntil(async () => (await item.text()).includes('sent them to everyone'), { what: 'the saved text' });
    assert.equal((await focusIn(s, item)).testid, 'feedback-edit', 'focus back on Edit after saving');

    await reload(s, personHash);
    item = await s.waitFor(itemCss);
    const text = await item.text();
    assert.ok(text.includes('sent them to everyone within the hour'), text);
    assert.ok(!text.includes('summarised the three options'), text);
    assert.ok(text.includes("At Tuesday's planning meeting"), 'untouched fields kept');

    // Delete: Cancel keeps it; confirming removes it.
    await (await findIn(s, item, 'feedback-delete')).click();
    await findIn(s, item, 'confirm-delete');
    assert.equal((await focusIn(s, item)).testid, 'cancel-delete', 'focus on the safe choice');
    await shoot(s, item, 'feedback-delete-en');
    await (await findIn(s, item, 'cancel-delete')).click();
    assert.equal((await item.findAll(TID('confirm-delete'))).length, 0);
    await (await findIn(s, item, 'feedback-delete')).click();
    await (await findIn(s, item, 'confirm-delete')).click();
    await s.waitUntil(async () => (await s.findAll(itemCss)).length === 0, { what: 'the feedback gone' });
    assert.equal(await s.execute('return document.activeElement.id;'), 'feedback-title', 'focus on the section');

    await reload(s, personHash);
    await s.waitFor(TID('person-heading'));
    await sleep(300);
    assert.equal((await s.findAll(TID('feedback-item'))).length, 0);
  });

  test('expectation: an error keeps the typed text; save, then delete after confirming', async () => {
    await go(s, personHash);
    await typeInto(s, 'expectation-area', 'The rota');
    await typeInto(s, 'expectation-task', 'Plans the rota four weeks ahead.');
    await setSelect(s, 'expectation-level', '3');
    await (await s.waitFor(TID('expectation-add'))).click();
    let card = await itemWith(s, 'expectation-card', 'The rota');
    const cardCss = `${TID('expectation-card')}[data-id="${await card.attr('data-id')}"]`;
    await shoot(s, card, 'expectation-card-en');
    assert.equal(await (await findIn(s, card, 'expectation-edit')).attr('aria-label'), 'Edit the area “The rota”');

    await (await findIn(s, card, 'expectation-edit')).click();
    assert.equal(await (await findIn(s, card, 'expectation-area')).prop('value'), 'The rota');
    assert.equal(await (await findIn(s, card, 'expectation-level')).prop('value'), '3');
    assert.ok((await focusIn(s, card)).inside, 'focus moves into the edit form');

    // An empty area is refused: the message shows, nothing typed is lost.
    await retype(card, 'expectation-task', 'Plans the rota six weeks ahead and shares it on Fridays.');
    await empty(s, card, 'expectation-area');
    await (await findIn(s, card, 'expectation-save')).click();
    const error = await findIn(s, card, 'error-message');
    assert.equal(await error.attr('data-code'), 'invalid');
    assert.match(await error.text(), /couldn't be used/);
    assert.equal(
      await (await findIn(s, card, 'expectation-task')).prop('value'),
      'Plans the rota six weeks ahead and shares it on Fridays.',
    );

    await retype(card, 'expectation-area', 'Rota and holidays');
    await s.execute(
      `const el = arguments[0].querySelector('[data-testid="expectation-level"]');
       el.value = '5'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [card.ref()],
    );
    await shoot(s, card, 'expectation-edit-en', 'start');
    await (await findIn(s, card, 'expectation-save')).click();
    await s.waitUntil(async () => (await card.text()).includes('Rota and holidays'), { what: 'the saved area' });

    await reload(s, personHash);
    card = await s.waitFor(cardCss);
    const text = await card.text();
    assert.ok(text.includes('Rota and holidays') && text.includes('six weeks ahead'), text);
    assert.equal(await (await findIn(s, card, 'agreed-level')).attr('data-level'), '5');

    await (await findIn(s, card, 'expectation-delete')).click();
    await shoot(s, card, 'expectation-delete-en');
    await (await findIn(s, card, 'confirm-delete')).click();
    await s.waitUntil(async () => (await s.findAll(cardCss)).length === 0, { what: 'the area gone' });

    await reload(s, personHash);
    await s.waitFor(TID('person-heading'));
    await sleep(300);
    assert.equal((await s.findAll(TID('expectation-card'))).length, 0);
  });

  test('agreement in a 1:1: edit in the conversation and on the person page, then delete', async () => {
    await go(s, personHash);
    await (await s.waitFor(TID('start-one_on_one'))).click();
    await s.waitFor(TID('conversation-notes'));
    const conversationHash = await s.execute('return location.hash;');
    await typeInto(s, 'agreement-text', 'Maja books the room');
    await setSelect(s, 'agreement-owner', 'them');
    await (await s.waitFor(TID('agreement-add'))).click();
    let line = await itemWith(s, 'made-agreement', 'Maja books the room');
    const lineCss = `${TID('made-agreement')}[data-id="${await line.attr('data-id')}"]`;
    await shoot(s, line, 'agreement-line-en');
    assert.equal(await (await findIn(s, line, 'agreement-edit')).attr('aria-label'), 'Edit the agreement “Maja books the room”');

    // An empty text is refused and the form stays open.
    await (await findIn(s, line, 'agreement-edit')).click();
    assert.equal(await (await findIn(s, line, 'agreement-text')).prop('value'), 'Maja books the room');
    assert.equal((await focusIn(s, line)).testid, 'agreement-text', 'focus on the text');
    await shoot(s, line, 'agreement-edit-en');
    await empty(s, line, 'agreement-text');
    await (await findIn(s, line, 'agreement-save')).click();
    assert.equal(await (await findIn(s, line, 'error-message')).attr('data-code'), 'invalid');

    await retype(line, 'agreement-text', 'Maja books the big room for the workshop');
    await s.execute(
      `const root = arguments[0];
       const owner = root.querySelector('[data-testid="agreement-owner"]');
       owner.value = 'both'; owner.dispatchEvent(new Event('change', { bubbles: true }));
       const due = root.querySelector('[data-testid="agreement-due"]');
       due.value = arguments[1]; due.dispatchEvent(new Event('input', { bubbles: true }));`,
      [line.ref(), later],
    );
    await (await findIn(s, line, 'agreement-save')).click();
    await s.waitUntil(async () => (await line.text()).includes('big room'), { what: 'the saved agreement' });
    assert.equal((await focusIn(s, line)).testid, 'agreement-edit', 'focus back on Edit after saving');

    // Stored: the person page shows it, and the conversation shows it again.
    await reload(s, personHash);
    let open = await itemWith(s, 'open-agreement', 'Maja books the big room for the workshop');
    assert.ok((await open.text()).includes('Both of you'), await open.text());

    // Edited on the person page too.
    await (await findIn(s, open, 'agreement-edit')).click();
    await retype(open, 'agreement-text', 'Maja books the big room for the June workshop');
    await (await findIn(s, open, 'agreement-save')).click();
    await s.waitUntil(async () => (await open.text()).includes('June workshop'), { what: 'saved on the person page' });

    await reload(s, conversationHash);
    line = await s.waitFor(lineCss);
    assert.ok((await line.text()).includes('Maja books the big room for the June workshop'), await line.text());

    // Delete: the confirmation is inline; Cancel keeps it.
    await (await findIn(s, line, 'agreement-delete')).click();
    await shoot(s, line, 'agreement-delete-en');
    await (await findIn(s, line, 'cancel-delete')).click();
    assert.equal((await focusIn(s, line)).testid, 'agreement-delete', 'focus back on Delete');
    await (await findIn(s, line, 'agreement-delete')).click();
    await (await findIn(s, line, 'confirm-delete')).click();
    await s.waitUntil(async () => (await s.findAll(lineCss)).length === 0, { what: 'the agreement gone' });

    await reload(s, conversationHash);
    await s.waitFor(TID('conversation-notes'));
    await sleep(300);
    assert.equal(await countWith(s, 'made-agreement', 'Maja books'), 0);
    await reload(s, personHash);
    await s.waitFor(TID('person-heading'));
    await sleep(300);
    assert.equal((await s.findAll(TID('open-agreement'))).length, 0);
  });

  test('the edit state in Danish', async () => {
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    await go(s, personHash);
    await typeInto(s, 'feedback-behaviour', 'Maja tog ordet først på mødet.');
    await (await s.waitFor(TID('feedback-add'))).click();
    const item = await itemWith(s, 'feedback-item', 'Maja tog ordet');
    assert.match(await (await findIn(s, item, 'feedback-edit')).attr('aria-label'), /^Rediger feedback fra \d{1,2}\. [a-zæøå]+ \d{4}$/);
    await (await findIn(s, item, 'feedback-edit')).click();
    await findIn(s, item, 'feedback-save');
    await shoot(s, item, 'feedback-edit-da');
    await (await findIn(s, item, 'feedback-cancel')).click();
    await (await findIn(s, item, 'feedback-delete')).click();
    assert.match(await (await findIn(s, item, 'confirm-delete')).text(), /Slet feedback/);
    await shoot(s, item, 'feedback-delete-da');
  });
});
