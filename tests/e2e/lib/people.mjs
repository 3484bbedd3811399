// Adding a person from the People screen, as she would.

import { go } from './app.mjs';
import { TID, typeInto } from './form.mjs';

/** Adds a person by name (and role) and returns their id from the list. */
export async function addPerson(s, name, role = '') {
  await go(s, '#/people');
  await typeInto(s, 'person-name', name);
  if (role) await typeInto(s, 'person-role', role);
  await (await s.waitFor(TID('person-add'))).click();
  const item = await s.waitFor(TID('person-item'), { pred: async (el) => (await el.text()).includes(name) });
  return item.attr('data-id');
}
