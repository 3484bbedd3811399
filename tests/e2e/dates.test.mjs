// "Today" through the real app at the suite's instant (TEST_NOW, frozen, in
// Copenhagen). scripts/date-edges.sh runs this file, with the backups and
// journal scenarios, at each instant of tests/date-edges.json: a Monday at
// 00:30 (Sunday in UTC), a Sunday at 23:59, ISO week 53, New Year, both
// nights the clocks change, 29 February. At each: the home screen's date,
// week and banner, its counts and plan, the reflection's week navigation, a
// new note's date, and the day's automatic backup, in English and Danish.
// Expected counts come from what the CLI seeded, read back from its lossless
// export; the week comes from the table when the instant is one of its edges.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freshDataDir, go, screenshot, startDriver } from './lib/app.mjs';
import { cli, lossless } from './lib/cli.mjs';
import { EDGES, isoWeek, isoWeekOf, localIsoDate, localTime, TEST_NOW } from './lib/clock.mjs';
import { setSelect, TID, value } from './lib/form.mjs';

const I18N = resolve(import.meta.dirname, '../../assets/i18n');
const words = Object.fromEntries(['da', 'en'].map((l) => [l, JSON.parse(readFileSync(join(I18N, `${l}.json`), 'utf8'))]));

const today = localIsoDate();
const edge = EDGES.find((e) => Date.parse(e.at) === Date.parse(TEST_NOW));
const thisWeek = isoWeek();
const key = (w) => `${w.year}-W${String(w.week).padStart(2, '0')}`;

/** "Monday 7 December 2026" / "Mandag 7. december 2026", from the dictionaries. */
function longDate(iso, lang) {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
  const w = words[lang];
  const text = `${w[`weekday.${weekday}`]} ${d}${lang === 'da' ? '.' : ''} ${w[`month.${m}`]} ${y}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the home screen should show, worked out from the seeded data. */
function expected(all) {
  const reflections = all.entries.filter((e) => e.kind === 'reflection');
  const done = new Set(reflections.filter((e) => e.status === 'done').map((e) => e.week));
  const mine = reflections.find((e) => e.week === key(thisWeek));
  let streak = 0;
  let back = done.has(key(thisWeek)) ? 0 : -7;
  while (done.has(key(isoWeek(back)))) {
    streak += 1;
    back -= 7;
  }
  const earlier = reflections
    .filter((e) => e.week < key(thisWeek) && (e.next_try ?? '').trim() !== '')
    .sort((a, b) => (a.week < b.week ? 1 : -1));
  return {
    status: !mine ? 'not_started' : mine.status === 'done' ? 'done' : 'draft',
    weeksReflected: done.size,
    notes: all.entries.filter((e) => e.kind === 'note').length,
    reflections: reflections.length,
    streak,
    plan: earlier[0] ?? null,
  };
}

describe(`today at ${TEST_NOW}${edge ? ` (${edge.what})` : ''}`, () => {
  let driver;
  let s;
  const dataDir = freshDataDir('dates');
  let want;

  before(async () => {
    cli(dataDir, 'demo', '--weeks', '8', '--notes-per-week', '2');
    want = expected(JSON.parse(lossless(dataDir)));
    driver = await startDriver({ dataDir, lang: 'en_US.UTF-8' });
    s = await driver.launch();
    const banner = await s.findAll(TID('retention-dismiss'));
    if (banner.length) await banner[0].click();
  });

  after(async () => {
    await s?.end();
    await driver?.stop();
  });

  test('the suite knows which week it is', () => {
    if (edge) {
      assert.equal(today, edge.date);
      assert.deepEqual(thisWeek, { year: edge.iso_year, week: edge.iso_week });
    }
    assert.deepEqual(isoWeekOf(today), thisWeek);
  });

  test('home: the date, this week, its banner, the counts and last plan', async () => {
    const eyebrow = await s.waitFor(TID('today'));
    assert.equal(await eyebrow.attr('data-date'), today);
    assert.equal(await eyebrow.text(), longDate(today, 'en'));
    const heading = await (await s.waitFor(TID('week-heading'))).text();
    assert.match(heading, new RegExp(`^Week ${thisWeek.week} · `), heading);
    const status = await s.waitFor(TID('reflection-status'));
    assert.equal(await status.attr('data-status'), want.status);
    assert.equal(await (await s.waitFor(TID('stat-weeks'))).text(), String(want.weeksReflected));
    assert.equal(await (await s.waitFor(TID('stat-notes'))).text(), String(want.notes));
    assert.equal(await (await s.waitFor(TID('streak'))).attr('data-streak'), String(want.streak));
    assert.ok(want.plan, 'the demo history has an earlier plan');
    const plan = await s.waitFor(TID('previous-plan'));
    assert.ok((await plan.text()).includes(want.plan.next_try.trim()), await plan.text());
    const fromLastWeek = want.plan.week === key(isoWeek(-7));
    assert.ok((await plan.text()).includes(fromLastWeek ? 'Last week you planned' : `In week ${Number(want.plan.week.slice(6))}`));
    await screenshot(s, `dates-home-${today}-en`);
  });

  test("this week's reflection has no next week; last week's leads back to it", async () => {
    await go(s, `#/reflection/${thisWeek.year}/${thisWeek.week}`);
    await s.waitFor(TID('previous-week'));
    assert.equal((await s.findAll(TID('next-week'))).length, 0, 'no week after this one');
    const last = isoWeek(-7);
    await go(s, `#/reflection/${last.year}/${last.week}`);
    const next = await s.waitFor(TID('next-week'));
    assert.match(await next.attr('aria-label'), new RegExp(`\\b${thisWeek.week}\\b`));
    assert.match(await next.attr('href'), new RegExp(`/reflection/${thisWeek.year}/${thisWeek.week}$`));
  });

  test('a new note is dated today', async () => {
    await go(s, '#/note/new');
    await s.waitFor(TID('note-date'));
    assert.equal(await value(s, 'note-date'), today);
  });

  test("the day's automatic backup is named by the local time and holds what was seeded", async () => {
    const stamp = `${today}_${localTime().replaceAll(':', '-')}`;
    const backups = join(dataDir, 'backups');
    await s.waitUntil(
      async () => {
        try {
          return readdirSync(backups).includes(`tillid-${stamp}-auto.sqlite3`);
        } catch {
          return false;
        }
      },
      { what: `the backup of ${stamp}` },
    );
    await go(s, '#/settings');
    await (await s.waitFor(TID('restore-open'))).click();
    const item = await s.waitFor(`${TID('restore-panel')} ${TID('backup-item')}`);
    assert.equal(await item.attr('data-file'), `tillid-${stamp}-auto.sqlite3`);
    const text = await item.text();
    assert.ok(text.includes(`${want.reflections} reflections, ${want.notes} notes`), text);
    await (await s.waitFor(TID('restore-open'))).click();
  });

  test('in Danish: the same day and week', async () => {
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'da');
    await go(s, '#/');
    const eyebrow = await s.waitFor(TID('today'), { pred: async (el) => (await el.text()) === longDate(today, 'da') });
    assert.ok(eyebrow);
    const heading = await (await s.waitFor(TID('week-heading'))).text();
    assert.match(heading, new RegExp(`^Uge ${thisWeek.week} · `), heading);
    await screenshot(s, `dates-home-${today}-da`);
    await go(s, '#/settings');
    await setSelect(s, 'setting-language', 'en');
  });
});
