// The weekly reminder through the real app: its settings, the moment it
// fires (on an injected clock that runs on, clockEnv), a reminder missed while
// Tillid was closed, the desktop notification and the tray menu (against a
// stand-in notification server and tray host on the suite's session bus).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDataDir, go, screenshot, startDriver } from './lib/app.mjs';
import { clockEnv } from './lib/clock.mjs';
import { startFakeDesktop } from './lib/desktop.mjs';
import { setSelect, TID } from './lib/form.mjs';
import { sleep } from './lib/webdriver.mjs';

// Wednesday 25 November 2026, 11:00 in Copenhagen (week 48).
const WEDNESDAY = '2026-11-25T10:00:00Z';
// Friday 27 November 2026, 13:59:45 in Copenhagen: 15 s before the default reminder.
const FRIDAY_BEFORE_TWO = '2026-11-27T12:59:45Z';
// Monday 30 November 2026, 09:00 in Copenhagen: Friday's reminder has passed.
const MONDAY_AFTER = '2026-11-30T08:00:00Z';

/** Sets the time picker as a user's pick would (value, then change). */
async function setTime(s, value) {
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [TID('reminder-time'), value],
  );
  await sleep(300);
}

async function waitText(s, testid, expected) {
  let last = '';
  await s.waitUntil(
    async () => {
      try {
        last = await (await s.find(TID(testid))).text();
      } catch {
        return false;
      }
      return expected instanceof RegExp ? expected.test(last) : last === expected;
    },
    { what: `${testid} to read ${expected} (it reads "${last}")` },
  );
  return last;
}

async function hash(s) {
  return s.execute('return location.hash;');
}

async function checked(s, testid) {
  return (await s.waitFor(TID(testid))).prop('checked');
}

async function showReminderSection(s) {
  await s.execute(
    `document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });`,
    [TID('reminder-settings')],
  );
}

describe('the weekly reminder', () => {
  test('Settings: day and time are stored at once, shown in words, and kept after a restart', async () => {
    const dataDir = freshDataDir('reminder-settings');
    // Starting at login writes ~/.config/autostart: keep it in a throwaway home.
    const home = mkdtempSync(join(tmpdir(), 'tillid-e2e-home-'));
    const desktopFile = join(home, '.config/autostart/Tillid.desktop');
    const env = { ...clockEnv(WEDNESDAY), HOME: home };
    let driver = await startDriver({ dataDir, env });
    let s = await driver.launch();
    try {
      await go(s, '#/settings');
      await s.waitFor(TID('reminder-settings'));
      // The defaults: on, Friday 14:00, in the tray; not at login.
      assert.equal(await checked(s, 'reminder-enabled'), true);
      assert.equal(await (await s.find(TID('reminder-weekday'))).prop('value'), '5');
      assert.equal(await (await s.find(TID('reminder-time'))).prop('value'), '14:00');
      assert.equal(await (await s.find(TID('reminder-time'))).attr('type'), 'time');
      assert.equal(await checked(s, 'reminder-close-to-tray'), true);
      assert.equal(await checked(s, 'reminder-autostart'), false);
      await waitText(s, 'reminder-next', 'Next reminder: Friday 27 November at 14:00');

      await setSelect(s, 'reminder-weekday', '4');
      await setTime(s, '15:30');
      await waitText(s, 'reminder-next', 'Next reminder: Thursday 26 November at 15:30');

      // A cleared time is refused by the core, with a translated message.
      await setTime(s, '');
      const error = await s.waitFor(TID('reminder-error'));
      assert.equal(await error.attr('data-code'), 'invalid');
      assert.match(await error.text(), /Choose a time of day/);
      await setTime(s, '15:30');
      await s.waitUntil(async () => (await s.findAll(TID('reminder-error'))).length === 0, {
        what: 'the error to go',
      });

      // Starting at login really registers with the desktop.
      await (await s.find(TID('reminder-autostart'))).click();
      await s.waitUntil(async () => existsSync(desktopFile), { what: desktopFile });
      assert.match(readFileSync(desktopFile, 'utf8'), /--in-tray/);
      await (await s.find(TID('reminder-close-to-tray'))).click();
      await sleep(500);

      // The section in English, light and dark (the time picker follows the OS locale).
      for (const theme of ['light', 'dark']) {
        await setSelect(s, 'setting-theme', theme);
        await showReminderSection(s);
        await screenshot(s, `settings-reminder-en-${theme}`);
      }
      await setSelect(s, 'setting-theme', 'system');
    } finally {
      await s.end();
      await driver.stop();
    }

    // Again, under a Danish OS: everything kept, and all of it in Danish.
    driver = await startDriver({ dataDir, lang: 'da_DK.UTF-8', env });
    s = await driver.launch();
    try {
      await go(s, '#/settings');
      await s.waitFor(TID('reminder-settings'));
      assert.equal(await (await s.waitFor(TID('reminder-weekday'))).prop('value'), '4');
      assert.equal(await (await s.find(TID('reminder-time'))).prop('value'), '15:30');
      assert.equal(await checked(s, 'reminder-close-to-tray'), false);
      assert.equal(await checked(s, 'reminder-autostart'), true);
      await waitText(s, 'reminder-next', 'Næste påmindelse: torsdag 26. november kl. 15.30');
      for (const theme of ['light', 'dark']) {
        await setSelect(s, 'setting-theme', theme);
        await showReminderSection(s);
        await screenshot(s, `settings-reminder-da-${theme}`);
      }
      // Off again: the login entry goes.
      await (await s.find(TID('reminder-autostart'))).click();
      await s.waitUntil(async () => !existsSync(desktopFile), { what: `${desktopFile} removed` });
      // Reminders off: no next one, and the day and time step aside.
      await (await s.find(TID('reminder-enabled'))).click();
      await s.waitFor(TID('reminder-next-off'));
      assert.equal((await s.findAll(TID('reminder-time'))).length, 0);
    } finally {
      await s.end();
      await driver.stop();
    }
  });

  describe('when the time comes', () => {
    let desktop;
    let driver;
    let s;

    before(async () => {
      desktop = await startFakeDesktop();
      driver = await startDriver({
        dataDir: freshDataDir('reminder-due'),
        env: clockEnv(FRIDAY_BEFORE_TWO, { frozen: false }),
      });
      s = await driver.launch();
    });

    after(async () => {
      await s?.end();
      await driver?.stop();
      await desktop?.stop();
    });

    test('the app emits the reminder: a notification and the in-app banner at 14:00', async () => {
      assert.equal((await s.findAll(TID('reminder-banner'))).length, 0, 'nothing before its time');
      assert.ok(!desktop.events.some((e) => e.event === 'notify'));
      const banner = await s.waitFor(TID('reminder-banner'), { timeout: 30000 });
      assert.equal(await banner.attr('data-kind'), 'due');
      assert.equal(await banner.attr('data-week'), '2026-48');
      assert.match(await banner.text(), /Time for your weekly reflection\. Would you like to reflect on week 48 now\?/);
      const sent = await desktop.waitFor((e) => e.event === 'notify', 'notification');
      assert.equal(sent.summary, 'Time for your weekly reflection');
      assert.equal(sent.body, 'Week 48: what happened, and what did you learn?');
      assert.deepEqual(sent.actions, ['default', 'Reflect now']);
      await screenshot(s, 'reminder-due-en');
    });

    test("clicking the notification opens week 48's reflection", async () => {
      desktop.clickNotification();
      await s.waitUntil(async () => (await hash(s)) === '#/reflection/2026/48', {
        what: 'the reflection of week 48',
      });
      await s.waitFor(TID('field-learned'));
      assert.equal((await s.findAll(TID('reminder-banner'))).length, 0, 'the banner is done');
    });

    test('the tray menu, in her language: "Reflect now" opens this week\'s reflection', async () => {
      await desktop.waitFor((e) => e.event === 'tray-item', 'tray item');
      assert.deepEqual(desktop.trayLabels(), ['Reflect now', 'Open Tillid', 'Quit']);
      await go(s, '#/journal');
      desktop.trayClick('Reflect now');
      await s.waitUntil(async () => (await hash(s)) === '#/reflection/2026/48', {
        what: 'this week (on the app clock) from the tray',
      });
    });
  });

  test('a reminder missed while Tillid was closed is offered once, kindly, at the next launch', async () => {
    const dataDir = freshDataDir('reminder-missed');
    // Wednesday: she uses Tillid; nothing is due.
    let driver = await startDriver({ dataDir, env: clockEnv(WEDNESDAY) });
    let s = await driver.launch();
    await sleep(1000);
    assert.equal((await s.findAll(TID('reminder-banner'))).length, 0);
    await s.end();
    await driver.stop();

    // Monday: Friday's reminder came while Tillid was closed.
    driver = await startDriver({ dataDir, lang: 'da_DK.UTF-8', env: clockEnv(MONDAY_AFTER) });
    s = await driver.launch();
    try {
      const banner = await s.waitFor(TID('reminder-banner'));
      assert.equal(await banner.attr('data-kind'), 'missed');
      assert.equal(await banner.attr('data-week'), '2026-48');
      assert.match(
        await banner.text(),
        /Du nåede ikke fredagens refleksion\. Vil du reflektere over uge 48 nu\?/,
      );
      await screenshot(s, 'reminder-missed-da');
      await (await s.find(TID('reminder-open'))).click();
      await s.waitUntil(async () => (await hash(s)) === '#/reflection/2026/48', {
        what: 'the reflection of week 48',
      });
      await s.waitFor(TID('field-learned'));
    } finally {
      await s.end();
      await driver.stop();
    }

    // Shown once: the next launch says nothing more about it.
    driver = await startDriver({ dataDir, env: clockEnv(MONDAY_AFTER) });
    s = await driver.launch();
    try {
      await sleep(1500);
      assert.equal((await s.findAll(TID('reminder-banner'))).length, 0);
    } finally {
      await s.end();
      await driver.stop();
    }
  });
});
