// People, 1:1s with agreements that carry over, MUS, and erasure, through the
// real app and its real webview.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { addDays, freshDataDir, go, isoWeek, localIsoDate, screenshot, startDriver, waitSaved } from './lib/app.mjs';
import { setSelect, setValue, TID, typeInto } from './lib/form.mjs';
import { addPerson } from './lib/people.mjs';
import { sleep } from './lib/webdriver.mjs';

/** The `data-id` of the element matching `css`, waiting for it. */
async function idOf(s, css) {
  return (await s.waitFor(css)).attr('data-id');
}

/** Saves a MUS document in `format` from the editor; returns the file's text. */
async function exportMus(s, which, format) {
  await setSelect(s, `mus-export-format-${which}`, format);
  await (await s.waitFor(TID(`mus-export-${which}`))).click();
  const ext = { pdf: '.pdf', docx: '.docx', markdown: '.md' }[format];
  const result = await s.waitFor(TID('mus-export-result'), { pred: async (el) => (await el.text()).trim().endsWith(ext) });
  const path = (await result.text()).replace(/^[^/]*/, '').trim();
  if (format === 'pdf') {
    assert.equal(readFileSync(path).subarray(0, 4).toString(), '%PDF');
    return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  }
  if (format === 'docx') {
    // A Word file is a zip; its text is in word/document.xml.
    return execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
  }
  return readFileSync(path, 'utf8');
}

async function currentId(s) {
  return s.execute("return location.hash.split('/').pop();");
}

async function addAgreement(s, text, owner, due) {
  await typeInto(s, 'agreement-text', text);
  await setSelect(s, 'agreement-owner', owner);
  await setValue(s, 'agreement-due', due);
  await (await s.waitFor(TID('agreement-add'))).click();
  await s.waitUntil(
    async () => {
      for (const el of await s.findAll(TID('made-agreement'))) if ((await el.text()).includes(text)) return true;
      return false;
    },
    { what: `agreement "${text}"` },
  );
}

describe('people, one-on-ones, MUS and erasure', () => {
  let driver;
  let s;
  let personId;
  const dataDir = freshDataDir('people');
  const today = localIsoDate();
  const later = addDays(today, 20);

  before(async () => {
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('an empty name is refused with a message; a person is added', async () => {
    await go(s, '#/people');
    await typeInto(s, 'person-name', '   ');
    await (await s.waitFor(TID('person-add'))).click();
    await s.waitFor(TID('error-message'));
    await setValue(s, 'person-name', '');
    personId = await addPerson(s, 'Søren Ærø', 'Case worker');
    assert.ok(personId);
  });

  test('a 1:1 with two agreements; the next 1:1 carries both; one done, one kept', async () => {
    await go(s, `#/person/${personId}`);
    await (await s.waitFor(TID('start-one_on_one'))).click();
    await s.waitFor(TID('conversation-notes'));
    await typeInto(s, 'conversation-notes', 'Søren wants more room to act on the rota.');
    await addAgreement(s, 'Søren drafts the rota himself', 'them', today);
    await addAgreement(s, 'I ask HR about the course budget', 'me', later);
    await waitSaved(s);
    await screenshot(s, 'one-on-one-en');

    await go(s, `#/person/${personId}`);
    await (await s.waitFor(TID('start-one_on_one'))).click();
    await s.waitUntil(async () => (await s.findAll(TID('carried-agreement'))).length === 2, {
      what: 'both agreements carried over',
    });
    const carried = await s.findAll(TID('carried-agreement'));
    const texts = await Promise.all(carried.map((c) => c.text()));
    const rota = carried[texts.findIndex((t) => t.includes('drafts the rota'))];
    const budget = carried[texts.findIndex((t) => t.includes('course budget'))];
    await (await budget.find(TID('follow-done'))).click();
    await (await rota.find(TID('follow-kept'))).click();
    await sleep(500);
  });

  test('This week shows the kept agreement that is due, not the done one', async () => {
    await go(s, '#/');
    const panel = await s.waitFor(TID('people-week'));
    await s.waitUntil(async () => (await panel.text()).includes('Søren drafts the rota himself'), {
      what: 'the kept agreement on This week',
    });
    assert.ok(!(await panel.text()).includes('course budget'));
    await screenshot(s, 'this-week-people-en');
  });

  test("this week's reflection lists the week's agreements and asks: follow up, or check up?", async () => {
    const w = isoWeek();
    await go(s, `#/reflection/${w.year}/${w.week}`);
    const section = await s.waitFor(TID('week-agreements'));
    const text = await section.text();
    assert.ok(text.includes('Søren drafts the rota himself') && text.includes('course budget'), text);
    await typeInto(s, 'field-checkup', 'I followed up on the rota without checking each step.');
    await waitSaved(s);
    await screenshot(s, 'reflection-checkup-en');
    // What she wrote there is found by search, like every other prompt.
    const input = await s.waitFor(TID('search-input'));
    await input.click();
    await input.type('checkin');
    const hit = await s.waitFor(TID('search-hit'), { timeout: 5000 });
    assert.equal((await (await hit.find('mark')).text()).toLowerCase(), 'checking');
    assert.match(await hit.text(), new RegExp(`Week ${w.week}\\b`));
    await input.clear();
  });

  test('a MUS from preparation through the conversation to the development plan', async () => {
    await go(s, `#/person/${personId}`);
    await (await s.waitFor(TID('start-mus'))).click();
    await (await s.waitFor(TID('mus-phase-preparation'))).click();
    await typeInto(s, 'section-prep_manager', 'Ask Søren what he wants to learn next year.');
    await screenshot(s, 'mus-preparation-en');
    // The form to hand out beforehand, as PDF and Word.
    for (const format of ['pdf', 'docx']) {
      const text = await exportMus(s, 'preparation', format);
      assert.ok(text.includes('Søren Ærø'), `name in the ${format} form`);
      assert.match(text, /What are you most pleased with/, `first question in the ${format} form`);
    }
    await (await s.waitFor(TID('mus-phase-conversation'))).click();
    await typeInto(s, 'section-back_wellbeing', 'Søren thrives since the move to the new team.');
    await screenshot(s, 'mus-conversation-en');
    await (await s.waitFor(TID('mus-phase-followup'))).click();
    await typeInto(s, 'plan-goal', 'Facilitation skills');
    await typeInto(s, 'plan-action', 'Takes the two-day course');
    await setValue(s, 'plan-date', later);
    await (await s.waitFor(TID('plan-add'))).click();
    await s.waitFor(TID('made-agreement'), {
      pred: async (el) => (await el.text()).includes('Takes the two-day course'),
    });
    await waitSaved(s);
    await typeInto(s, 'section-followup_notes', 'We meet again in March.');
    // The summary is written with everything on screen, pending edits included.
    for (const format of ['markdown', 'pdf', 'docx']) {
      const summary = await exportMus(s, 'summary', format);
      for (const want of ['Søren Ærø', 'Søren thrives since the move', 'Takes the two-day course', 'We meet again in March.']) {
        assert.ok(summary.replace(/\s+/g, ' ').includes(want), `${want} in the ${format} summary`);
      }
    }
    await screenshot(s, 'mus-followup-en');
  });

  test('the person page, in English and Danish', async () => {
    await go(s, `#/person/${personId}`);
    await s.waitFor(TID('conversation-item'));
    await screenshot(s, 'person-en');
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    await go(s, `#/person/${personId}`);
    await s.waitFor(TID('conversation-item'));
    await screenshot(s, 'person-da');
    const conv = await idOf(s, `${TID('conversation-item')}[data-kind="mus"]`);
    const one = await idOf(s, `${TID('conversation-item')}[data-kind="one_on_one"]`);
    await go(s, `#/conversation/${conv}`);
    for (const phase of ['preparation', 'conversation', 'followup']) {
      await (await s.waitFor(TID(`mus-phase-${phase}`))).click();
      await screenshot(s, `mus-${phase}-da`);
    }
    await go(s, `#/conversation/${one}`);
    await s.waitFor(TID('conversation-notes'));
    await screenshot(s, 'one-on-one-da');
  });

  test('deleting the person says what goes, and leaves the name nowhere in the UI or search', async () => {
    await go(s, `#/person/${personId}`);
    await (await s.waitFor(TID('person-delete'))).click();
    const confirm = await s.waitFor(TID('confirm-erase'));
    await screenshot(s, 'erase-confirm-da');
    await confirm.click();
    await s.waitUntil(async () => (await s.execute('return location.hash;')) === '#/people', {
      what: 'back on the people list',
    });
    await sleep(500);
    assert.ok(!(await s.execute('return document.body.innerText;')).includes('Søren'));
    const input = await s.waitFor(TID('search-input'));
    await input.click();
    await input.type('Ærø');
    await sleep(1000);
    assert.equal((await s.findAll(TID('people-hit'))).length, 0);
    assert.equal((await s.findAll(TID('search-hit'))).length, 0);
    for (const hash of ['#/', '#/journal', '#/people']) {
      await go(s, hash);
      await sleep(400);
      assert.ok(!(await s.execute('return document.body.innerText;')).includes('Søren'), hash);
    }
    assert.ok(await currentId(s));
  });
});
