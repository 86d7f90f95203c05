// Pinned scenarios (issue 27, first step): a reader pins the scenario they are looking at,
// names it, compares, and unpins, by keyboard; a link restores the pins; a bad pin in a link
// is dropped with a notice; the list is accessible.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite, openPage, waitReady, drawEveryChart } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const TIMEOUT = 90_000;
const pinsInUrl = () => [...new URLSearchParams(location.search)].filter(([k]) => k.startsWith('pin'));

describe('pinned scenarios', () => {
  const site = useSite(ROOT);
  const open = async (query, opts) => {
    const s = await openPage(site.browser, `${site.server.url}index.html?${query}`, opts);
    await waitReady(s.page);
    return s;
  };

  test('a reader pins, renames and unpins by keyboard, and the link follows every step', { timeout: TIMEOUT }, async () => {
    const s = await open('lang=en&grant=10000');
    try {
      const { page } = s;
      await page.focus('[data-action="pin"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URLSearchParams(location.search).has('pin1'));
      const name = page.locator('#pin-list li:nth-child(1) input');
      assert.equal(await name.inputValue(), 'grant 10,000 · budget 12.73 million', 'named from the model');
      assert.equal(await name.getAttribute('maxlength'), '40', 'the model’s longest name');
      // A second scenario, pinned too: the first pin's line now compares with it.
      await page.focus('#in-grant');
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
      await page.focus('[data-action="pin"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URLSearchParams(location.search).has('pin2'));
      // A third is refused, with the reason said.
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('pin-status').textContent !== '');
      assert.match(await page.textContent('#pin-status'), /At most 2 scenarios/);
      assert.equal(await page.locator('#pin-list li').count(), 2);
      // Rename the first by keyboard: select all, type, Enter (a change event).
      await name.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Ten thousand each');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('pin1')?.startsWith('1~Ten thousand each~'));
      // An empty name is refused and the old one stays.
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /cannot be empty/.test(document.getElementById('pin-status').textContent));
      assert.equal(await name.inputValue(), 'Ten thousand each');
      // The comparison line says the pin's numbers and the difference from the current scenario.
      const line = await page.textContent('#pin-list li:nth-child(1) .pin-line');
      assert.match(line, /^1,273 households, expected .* Difference \(current − this\): \+1,273 households/, line);
      // Unpin the first by keyboard: the second moves up and takes the focus.
      await page.focus('#pin-list li:nth-child(1) .pin-remove');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !new URLSearchParams(location.search).has('pin2'));
      const left = await page.evaluate(pinsInUrl);
      assert.equal(left.length, 1);
      assert.equal(left[0][1], "1~grant 5,000 · budget 12.73 million", "the reported scenario: no keys");
      assert.equal(await page.evaluate(() => document.activeElement?.closest('li')?.querySelector('input')?.value), 'grant 5,000 · budget 12.73 million');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });

  test('a shared link restores its pins, and the phone strip compares with the first', { timeout: TIMEOUT }, async () => {
    const q = 'lang=en&grant=10000&pin1=1~Half%20the%20grant~grant.2500&pin2=1~All%20livestock~mix.0,1,0,0,0';
    const s = await open(q, { width: 390, height: 844 });
    try {
      const names = await s.page.$$eval('#pin-list input', (els) => els.map((e) => e.value));
      assert.deepEqual(names, ['Half the grant', 'All livestock']);
      assert.equal(await s.page.textContent('[data-out="pin_difference"]'), '−3,819 households · 0 yuan vs “Half the grant”');
      assert.ok(await s.page.isVisible('[data-out="pin_difference"]'), 'the strip shows it on a phone');
      // The page keeps them in its URL as the link gave them.
      assert.deepEqual((await s.page.evaluate(pinsInUrl)).map(([k]) => k), ['pin1', 'pin2']);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });

  test('every chart that marks the pins lists them in its data table and its text alternative, and a rename reaches them', { timeout: TIMEOUT }, async () => {
    const q = 'lang=en&grant=10000&pin1=1~Half%20the%20grant~grant.2500&pin2=1~All%20livestock~mix.0,1,0,0,0';
    const s = await open(q);
    try {
      const { page } = s;
      const said = () => page.evaluate(() => Object.fromEntries(['allocation', 'benefit', 'outcomes'].map((c) => [c, {
        table: document.getElementById(`table-${c}`).textContent,
        desc: document.getElementById(`desc-${c}`).textContent,
      }])));
      for (const [chart, { table, desc }] of Object.entries(await said())) {
        for (const name of ['Pinned 1: Half the grant', 'Pinned 2: All livestock']) {
          assert.ok(table.includes(name), `${chart}'s table lists “${name}”: ${table}`);
          assert.ok(desc.includes(name), `${chart}'s text alternative lists “${name}”: ${desc}`);
        }
      }
      // The allocation table gives pin 2 (all livestock) households in livestock only.
      const livestock = await page.$$eval('#table-allocation tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
      assert.equal(livestock[0].at(-1), '0', 'no planting for all livestock');
      assert.notEqual(livestock[1].at(-1), '0', 'livestock households for all livestock');
      // A rename reaches the tables and redraws the charts that name the pins in their legends.
      await drawEveryChart(page);
      const before = await page.evaluate(() => ['allocation', 'benefit', 'outcomes', 'context'].map((c) => document.getElementById(`chart-${c}`).toDataURL()));
      const input = page.locator('#pin-list li:nth-child(1) input');
      await input.fill('Quarter');
      await input.press('Enter');
      await page.waitForFunction(() => document.getElementById('table-outcomes').textContent.includes('Pinned 1: Quarter'));
      for (const [chart, { table, desc }] of Object.entries(await said())) {
        assert.ok(table.includes('Pinned 1: Quarter') && desc.includes('Pinned 1: Quarter'), chart);
      }
      await drawEveryChart(page);
      const after = await page.evaluate(() => ['allocation', 'benefit', 'outcomes', 'context'].map((c) => document.getElementById(`chart-${c}`).toDataURL()));
      assert.deepEqual(before.map((b, i) => b !== after[i]), [true, true, true, false], 'the three charts with pins redrawn, the context chart not');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });

  test('an embed with every control lists its pins and can pin; one with the key controls hides the list but its charts and tables keep the pins', { timeout: TIMEOUT }, async () => {
    const pins = 'pin1=1~Half%20the%20grant~grant.2500';
    const all = await openPage(site.browser, `${site.server.url}embed.html?lang=en&controls=all&${pins}`);
    try {
      await waitReady(all.page);
      assert.ok(await all.page.isVisible('#pins'), 'the list is shown with every control');
      assert.deepEqual(await all.page.$$eval('#pin-list input', (els) => els.map((e) => e.value)), ['Half the grant']);
      await all.page.click('[data-action="pin"]');
      await all.page.waitForFunction(() => document.querySelectorAll('#pin-list li').length === 2);
      assert.deepEqual(all.errors, []);
    } finally {
      await all.close();
    }
    const key = await openPage(site.browser, `${site.server.url}embed.html?lang=en&view=benefit&controls=key&${pins}`);
    try {
      await waitReady(key.page);
      assert.equal(await key.page.isVisible('#pins'), false, 'no list with the key controls only');
      await key.page.waitForFunction(() => document.getElementById('table-benefit').textContent.includes('Pinned 1: Half the grant'));
      assert.deepEqual(key.errors, []);
    } finally {
      await key.close();
    }
  });

  test('a pin in a link that cannot be read is dropped with a notice, and the page works on', { timeout: TIMEOUT }, async () => {
    const s = await open('lang=en&pin1=7~Future~grant.5000&pin2=1~Fine~grant.2500');
    try {
      const notices = await s.page.textContent('#notices');
      assert.match(notices, /Pinned scenario “pin1” is in a format this page does not read/);
      assert.deepEqual(await s.page.$$eval('#pin-list input', (els) => els.map((e) => e.value)), ['Fine']);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });

  test('the list of pins has no axe violation, in each language', { timeout: TIMEOUT }, async () => {
    for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
      const s = await open(`lang=${lang}&pin1=1~A~grant.2500&pin2=1~B~grant.10000`);
      try {
        const r = await new AxeBuilder({ page: s.page }).include('#pins').analyze();
        assert.deepEqual(r.violations.map((v) => `${lang}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
        const shown = await s.page.$$eval('#pins [lang]', (els) => els.filter((e) => e.checkVisibility()).map((e) => e.lang));
        assert.ok(shown.length > 0 && shown.every((l) => l === lang), `${lang}: ${shown}`);
      } finally {
        await s.close();
      }
    }
  });
});
