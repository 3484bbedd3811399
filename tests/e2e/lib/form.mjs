// Filling in the app's forms as a person would, by test id.

import { sleep } from './webdriver.mjs';

/** CSS selector for a `data-testid`. */
export const TID = (id) => `[data-testid="${id}"]`;

/** Chooses an option by value, then tells the framework, as a user's pick would. */
export async function setSelect(s, testid, value) {
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [TID(testid), value],
  );
  await sleep(300);
}

/** Clicks into a field and types, with real key events. */
export async function typeInto(s, testid, text) {
  // A view that just re-rendered (route or language change) may replace the
  // element between finding and clicking it: find it again and retry.
  for (let attempt = 1; ; attempt++) {
    const el = await s.waitFor(TID(testid));
    try {
      await el.click();
      await el.type(text);
      return el;
    } catch (e) {
      if (attempt >= 5) throw e;
      await sleep(300);
    }
  }
}

/** Sets a field's whole value: for what a keyboard driver can't type (emoji beyond the BMP, 5 MB). */
export async function setValue(s, testid, text) {
  await s.execute(
    `const el = document.querySelector(arguments[0]);
     el.focus(); el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));`,
    [TID(testid), text],
  );
}

/** A field's current value. */
export async function value(s, testid) {
  return (await s.waitFor(TID(testid))).prop('value');
}
