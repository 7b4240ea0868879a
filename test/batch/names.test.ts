import { describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../src/batch/batch-record.ts';
import { nameRecord } from '../../src/batch/name-pattern.ts';
import { collisionKey, toSafeName } from '../../src/batch/safe-name.ts';

const record = (fields: Record<string, unknown>, row = 4): BatchRecord => ({
  seq: 0,
  row,
  label: `r.csv row ${row}`,
  fields,
});

describe('folder names from --name', () => {
  it('substitutes fields, not Handlebars', () => {
    const named = nameRecord(record({ school: 'Hill', class: '9B' }), {
      pattern: '{{school}}-{{ class }}{{#if x}}',
      csv: true,
      width: 1,
    });
    expect(named).toEqual({ ok: true, name: 'Hill-9B{{#if x}}' });
  });

  it('follows dots into nested JSON fields', () => {
    const named = nameRecord(record({ school: { name: 'Hill' }, n: 3 }), {
      pattern: '{{school.name}}-{{n}}',
      csv: false,
      width: 1,
    });
    expect(named).toEqual({ ok: true, name: 'Hill-3' });
  });

  it('names folders by row without a pattern, padded to sort', () => {
    const naming = { pattern: undefined, csv: true, width: 4 };
    expect(nameRecord(record({}, 12), naming)).toEqual({ ok: true, name: 'row-0012' });
    expect(nameRecord(record({}, 3), { ...naming, csv: false })).toEqual({
      ok: true,
      name: 'item-0003',
    });
  });

  it('reports a missing field with the record and the fields it has', () => {
    const named = nameRecord(record({ school: 'Hill' }), {
      pattern: '{{school}}-{{class}}',
      csv: true,
      width: 1,
    });
    expect(named.ok).toBe(false);
    if (named.ok) return;
    expect(named.diagnostic.code).toBe('name-field');
    expect(named.diagnostic.place).toEqual({ file: 'r.csv row 4' });
    expect(named.diagnostic.hint).toContain('school');
  });

  it('takes true/false fields as it takes text and numbers, and says so when one is missing', () => {
    const naming = { pattern: '{{school}}-{{eu}}', csv: false, width: 1 };
    expect(nameRecord(record({ school: 'Hill', eu: true }), naming)).toEqual({
      ok: true,
      name: 'Hill-true',
    });
    const named = nameRecord(record({ school: 'Hill', eu: { member: true } }), naming);
    expect(named.ok || named.diagnostic.message).toBe(
      '--name uses {{eu}}, but this record has no text, number or true/false field "eu".',
    );
  });

  it('reports a name that sanitises to nothing', () => {
    const named = nameRecord(record({ x: '../..' }), { pattern: '{{x}}', csv: true, width: 1 });
    expect(named.ok ? named.name : named.diagnostic.code).toBe('name-empty');
  });
});

describe('safe folder names', () => {
  it.each([
    ['../../etc/passwd', '_._etc_passwd'],
    ['a/../b', 'a_._b'],
    ['..', ''],
    ['.hidden', 'hidden'],
    ['C:\\Windows\\x', 'C_Windows_x'],
    ['tab\there\u0000nul\u001besc', 'tab here_nul_esc'],
    ['\u202Eevil.exe', '_evil.exe'],
    ['CON', 'CON_'],
    ['  Hill School  ', 'Hill School'],
    ['Ünïcödé Schule', 'Ünïcödé Schule'],
  ])('%j → %j', (raw, safe) => {
    expect(toSafeName(raw)).toBe(safe);
  });

  it('never leaves a separator, a `..` or a control character, and limits length', () => {
    for (const raw of ['a/b\\c', '../x/../../y', 'x\u0085y\u2028z', `${'é'.repeat(500)}.txt`]) {
      const safe = toSafeName(raw);
      expect(safe).not.toMatch(/[/\\]|\.\./);
      expect(safe).not.toMatch(/\p{Cc}|\u2028/u);
      expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(255);
    }
    expect(toSafeName('x'.repeat(500)).length).toBe(60);
  });

  it('treats names that differ only in case as the same folder', () => {
    expect(collisionKey('Hill-9B')).toBe(collisionKey('hill-9b'));
  });
});
