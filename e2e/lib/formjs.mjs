// Fills Camunda Forms (form-js 1.8.7, as bundled in the 7.24 Tasklist) the way a person does: by the label the
// person reads, with the widget form-js draws (its select is a custom dropdown, its date field a flatpickr).

/** The form-js field whose label reads `label` (the required-field asterisk ignored). */
async function fieldByLabel(scope, label) {
  const fields = scope.locator('.fjs-form-field').filter({
    has: scope.page().locator('label.fjs-form-field-label', { hasText: label }),
  });
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    const texts = await field.locator('label.fjs-form-field-label').evaluateAll((els) =>
      els.map((e) => e.textContent.replace(/\*$/, '').trim()));
    if (texts[0] === label) return field;
  }
  throw new Error(`no form field labelled “${label}”`);
}

async function fieldType(field) {
  const cls = await field.getAttribute('class');
  const m = /fjs-form-field-(\w+)/.exec(cls);
  return m ? m[1] : 'unknown';
}

/** Dates are given as yyyy-mm-dd and typed in the format the date picker shows (its placeholder). */
function typedDate(iso, placeholder) {
  const [y, m, d] = iso.split('-');
  return (placeholder || 'yyyy/mm/dd').replace('yyyy', y).replace('mm', m).replace('dd', d);
}

/**
 * Sets one field. Values: text and numbers for text fields, the option's label for select and radio,
 * true/false for checkboxes, 'yyyy-mm-dd' for dates.
 */
export async function setField(scope, label, value) {
  const field = await fieldByLabel(scope, label);
  const type = await fieldType(field);
  switch (type) {
    case 'textfield':
    case 'textarea':
    case 'number': {
      // form-js debounces typing and commits it on blur: leave the field as a person does
      const input = field.locator('input, textarea').first();
      await input.fill(String(value));
      await input.blur();
      break;
    }
    case 'select': {
      await openDropdown(field);
      const option = field.locator('.fjs-dropdownlist-item', { hasText: value });
      await option.first().waitFor({ state: 'visible', timeout: 5000 });
      const exact = option.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(value)}\\s*$`) });
      await ((await exact.count()) ? exact.first() : option.first()).click();
      const shown = (await field.locator('.fjs-select-display').first().textContent()).trim();
      if (!shown.startsWith(value)) throw new Error(`select “${label}” shows “${shown}”, not “${value}”`);
      break;
    }
    case 'radio':
      await field.getByLabel(value, { exact: true }).check();
      break;
    case 'checkbox': {
      const box = field.locator('input[type=checkbox]');
      if (value) await box.check(); else await box.uncheck();
      break;
    }
    case 'datetime': {
      const input = field.locator('input.flatpickr-input').first();
      const placeholder = await input.getAttribute('placeholder');
      await input.fill(typedDate(value, placeholder));
      await input.press('Enter');
      await input.blur();
      break;
    }
    default:
      throw new Error(`field “${label}” has type ${type}, which setField does not know`);
  }
}

/**
 * Picks a date in the date field's calendar (flatpickr) the way a person does: open it, page to the month with the
 * arrows, click the day.
 */
export async function pickDate(scope, label, iso) {
  const field = await fieldByLabel(scope, label);
  const input = field.locator('input.flatpickr-input').first();
  await input.click();
  const calendar = field.locator('.flatpickr-calendar');
  await calendar.waitFor({ state: 'visible', timeout: 5000 });
  const [year, month, day] = iso.split('-').map(Number);
  for (let i = 0; i < 240; i++) {
    const shown = await input.evaluate((el) => ({ y: el._flatpickr.currentYear, m: el._flatpickr.currentMonth + 1 }));
    const diff = (year - shown.y) * 12 + (month - shown.m);
    if (diff === 0) break;
    await calendar.locator(diff > 0 ? '.flatpickr-next-month' : '.flatpickr-prev-month').click();
  }
  await calendar.locator('.flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)', {
    hasText: new RegExp(`^${day}$`),
  }).click();
  await calendar.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** Sets several fields in order: { label: value, ... }. */
export async function fillForm(scope, values) {
  for (const [label, value] of Object.entries(values)) {
    await setField(scope, label, value);
  }
}

/** What a field shows: the text of an input, the chosen option of a select, the checked option of a radio. */
export async function fieldValue(scope, label) {
  const field = await fieldByLabel(scope, label);
  const type = await fieldType(field);
  switch (type) {
    case 'select':
      return (await field.locator('.fjs-select-display').first().textContent()).trim();
    case 'radio': {
      const checked = field.locator('label:has(input:checked)');
      return (await checked.count()) ? (await checked.first().textContent()).trim() : '';
    }
    case 'checkbox':
      return field.locator('input[type=checkbox]').isChecked();
    default:
      return field.locator('input, textarea').first().inputValue();
  }
}

/** Whether the field shows the value as setField was given it (a re-rendered form may have dropped it). */
export async function hasValue(scope, label, value) {
  const field = await fieldByLabel(scope, label);
  const type = await fieldType(field);
  const shown = await fieldValue(scope, label);
  switch (type) {
    case 'select':
      return String(shown).startsWith(value);
    case 'checkbox':
      return shown === Boolean(value);
    case 'datetime':
      return String(shown).split('/').map(Number).join('-') === value.split('-').map(Number).join('-');
    default:
      return String(shown) === String(value);
  }
}

/** The option labels a select offers (it is opened and closed again). */
export async function selectOptions(scope, label) {
  const field = await fieldByLabel(scope, label);
  await openDropdown(field);
  const items = field.locator('.fjs-dropdownlist-item');
  const labels = (await items.allTextContents()).map((t) => t.trim());
  // a second click on the display closes it again
  await field.locator('.fjs-select-display, input.fjs-input').first().click();
  await field.locator('.fjs-dropdownlist').waitFor({ state: 'hidden', timeout: 5000 });
  return labels;
}

/** Opens form-js's custom dropdown (a click on the display toggles it) and waits for its list. */
async function openDropdown(field) {
  const list = field.locator('.fjs-dropdownlist');
  if (await list.isVisible()) return;
  const display = field.locator('.fjs-select-display, input.fjs-input').first();
  await display.click();
  if (await list.waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false)) return;
  // form-js does not open a select whose hidden input already has the focus: leave it first
  await field.page().evaluate(() => document.activeElement && document.activeElement.blur());
  await display.click();
  await list.waitFor({ state: 'visible', timeout: 5000 });
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
