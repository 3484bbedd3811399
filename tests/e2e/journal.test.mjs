// The weekly reflection journal through the real app and its real webview.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDataDir, go, isoWeek, screenshot, startDriver, waitGone, waitSaved } from './lib/app.mjs';
import { setSelect, setValue, TID, typeInto, value } from './lib/form.mjs';
import { Keys, sleep } from './lib/webdriver.mjs';

const now = isoWeek();

describe('weekly reflection journal', () => {
  let driver;
  let s;
  const dataDir = freshDataDir('journal');

  before(async () => {
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('home shows this ISO week, in English under an English OS', async () => {
    const h = await s.waitFor(TID('week-heading'));
    const text = await h.text();
    assert.match(text, new RegExp(`^Week ${now.week} · `), text);
    const status = await s.waitFor(TID('reflection-status'));
    assert.equal(await status.attr('data-status'), 'not_started');
  });

  test('write a reflection in English; it is saved', async () => {
    await (await s.waitFor(TID('start-reflection'))).click();
    await typeInto(s, 'field-happened', 'I delegated the rota to the team and stayed out of it.');
    await typeInto(s, 'field-learned', 'Ærlighed om min egen usikkerhed skabte tryghed.');
    await typeInto(s, 'field-next_try', 'Ask before I tell, every day.');
    await (await s.waitFor(TID('rating-rel-4'))).click();
    await (await s.waitFor(TID('energy-3'))).click();
    await waitSaved(s);
    const state = await s.find(TID('save-state'));
    assert.match(await state.text(), /saved/i);
  });

  test('switch to Danish and write last week\'s reflection in Danish', async () => {
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    const w = isoWeek(-7);
    await go(s, `#/reflection/${w.year}/${w.week}`);
    await typeInto(s, 'field-happened', 'Jeg lod Søren lede mødet om årsplanen, og det gik godt.');
    await typeInto(s, 'field-trust_control', 'Tillid til Åse; kontrol af budgettet. Øv!');
    await waitSaved(s);
    assert.match(await (await s.find(TID('save-state'))).text(), /gemt/i);
  });

  test('typing then quitting at once (Ctrl+Q) loses nothing; a relaunch finds it intact', async () => {
    await go(s, `#/reflection/${now.year}/${now.week}`);
    const body = await typeInto(s, 'field-body', 'Sidste ord før jeg lukker: æøå ÆØÅ');
    await setValue(s, 'field-body', 'Sidste ord før jeg lukker: æøå ÆØÅ 🌱');
    // The app may quit before the driver answers: that is the point.
    await body.type(Keys.CONTROL + 'q' + Keys.CONTROL).catch(() => {});
    await waitGone(s);
    await s.end();
    s = await driver.launch();
    await go(s, `#/reflection/${now.year}/${now.week}`);
    assert.equal(await value(s, 'field-body'), 'Sidste ord før jeg lukker: æøå ÆØÅ 🌱');
    assert.equal(await value(s, 'field-happened'), 'I delegated the rota to the team and stayed out of it.');
    assert.equal(await (await s.find(TID('rating-rel-4'))).prop('checked'), true);
    // Language choice survived the restart too.
    await go(s, '#/');
    assert.match(await (await s.waitFor(TID('week-heading'))).text(), new RegExp(`^Uge ${now.week} · `));
  });

  test('next week opens with this week\'s plan', async () => {
    const w = isoWeek(7);
    await go(s, `#/reflection/${w.year}/${w.week}`);
    const plan = await s.waitFor(TID('previous-plan'));
    assert.match(await plan.text(), /Ask before I tell, every day\./);
  });

  test('a week that does not exist is refused as a date, not as a crash', async () => {
    // 2027 has 52 ISO weeks. The route lets 53 through; reading the week's
    // arguments in the backend refuses it, and the screen says why.
    await go(s, '#/reflection/2027/53');
    const error = await s.waitFor(TID('error-message'));
    assert.equal(await error.attr('data-code'), 'invalid_date');
    // Danish by now: the translated message, not the generic one.
    assert.match(await error.text(), /dato/i);
  });

  test('mark done shows on the home screen', async () => {
    await go(s, `#/reflection/${now.year}/${now.week}`);
    await (await s.waitFor(TID('mark-done'))).click();
    await sleep(500);
    await go(s, '#/');
    const status = await s.waitFor(TID('reflection-status'), {
      pred: async (el) => (await el.attr('data-status')) === 'done',
    });
    assert.ok(status);
  });

  test('HTML, script and javascript: links in a note never run or survive in the DOM', async () => {
    await go(s, '#/note/new');
    await typeInto(s, 'note-title', 'Forsøg med <b>HTML</b>');
    const hostile =
      '<script>window.__pwned = 1</script>\n\n' +
      '<img src=x onerror="window.__pwned = 2">\n\n' +
      '[klik her](javascript:window.__pwned=3) og <a href="javascript:window.__pwned=4">her</a>\n\n' +
      '**fed** tekst';
    await setValue(s, 'note-body', hostile);
    await waitSaved(s);
    const preview = await s.waitFor(TID('note-preview'), {
      pred: async (el) => (await el.text()).includes('fed'),
    });
    assert.equal((await preview.findAll('script')).length, 0);
    assert.equal((await preview.findAll('img')).length, 0);
    assert.equal((await preview.findAll('[onerror]')).length, 0);
    assert.equal((await preview.findAll('a[href^="javascript"]')).length, 0);
    assert.equal((await preview.findAll('strong')).length, 1);
    // Clicking the neutered link does nothing.
    for (const a of await preview.findAll('a')) await a.click().catch(() => {});
    await sleep(300);
    const pwned = await s.execute('return window.__pwned === undefined ? null : window.__pwned;');
    assert.equal(pwned, null, 'no injected code ran');
    const href = await s.execute('return location.href;');
    assert.match(href, /^tauri:\/\/localhost/, 'still inside the app');
    // The text she typed is kept, as text.
    assert.equal(await value(s, 'note-body'), hostile);
  });

  test('search finds the Danish reflection by a word with æ/ø/å, prefix and highlight', async () => {
    const input = await s.waitFor(TID('search-input'));
    await input.click();
    await input.type('årspl');
    const hit = await s.waitFor(TID('search-hit'), { timeout: 5000 });
    const mark = await hit.find('mark');
    assert.equal((await mark.text()).toLowerCase(), 'årsplanen');
    // Hostile input is just words.
    await input.clear();
    await input.type('"(NEAR AND');
    await sleep(600);
    const err = await s.findAll(TID('error-message'));
    assert.equal(err.length, 0, 'no error for a broken query');
  });

  test('a body over 5 MB is refused with a message and nothing else is lost', async () => {
    await go(s, `#/reflection/${now.year}/${now.week}`);
    // Realistic prose (a single 5 MB word is a WebKit layout pathology, not
    // something anyone writes), just over 5 MB in UTF-8.
    const line = 'Jeg gav slip på detaljen og spurgte i stedet, hvad teamet ville foreslå.\n';
    const repeats = Math.ceil((5 * 1024 * 1024 + 1) / Buffer.byteLength(line)) + 1;
    await s.execute(
      `const el = document.querySelector(arguments[0]);
       el.value = arguments[1].repeat(arguments[2]);
       el.dispatchEvent(new Event('input', { bubbles: true }));`,
      [TID('field-body'), line, repeats],
    );
    const msg = await s.waitFor(TID('error-message'), { timeout: 30000 });
    assert.match(await msg.text(), /5 MB/);
    await screenshot(s, 'too-large-da');
    const state = await s.find(TID('save-state'));
    assert.equal(await state.attr('data-state'), 'error');
    // The editor still holds every character she typed.
    const length = await s.execute(
      'return document.querySelector(arguments[0]).value.length;',
      [TID('field-body')],
    );
    assert.equal(length, line.length * repeats);
    // Shortened, it saves, and the other fields were never touched.
    await setValue(s, 'field-body', 'kortere');
    await waitSaved(s);
    assert.equal(await value(s, 'field-happened'), 'I delegated the rota to the team and stayed out of it.');
  });
});
