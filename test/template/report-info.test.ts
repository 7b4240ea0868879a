import { describe, expect, it } from 'vitest';
import { reportInfo } from '../../src/template/report-info.ts';
import { catchError } from '../helpers/errors.ts';

const at = (date: unknown, epoch?: string) =>
  reportInfo({ report: { date } }, epoch, (path) => ({ file: 'data.yaml', path: path.join('.') }));

describe('the report date', () => {
  it('keeps a date outside the zip years as written', () => {
    expect(at('1969-07-20').date.toISOString()).toBe('1969-07-20T00:00:00.000Z');
    expect(at('2150-01-01').date.toISOString()).toBe('2150-01-01T00:00:00.000Z');
  });

  it.each(['2025-13-45', '2025-02-30', '20 July 1969', 20250720])(
    'rejects %j at report.date',
    (value) => {
      const error = catchError(() => at(value));
      expect(error.code).toBe('date');
      expect(error.diagnostics[0]?.place).toEqual({ file: 'data.yaml', path: 'report.date' });
    },
  );

  it('comes from SOURCE_DATE_EPOCH when the dataset has none, else 1980-01-01', () => {
    expect(at(undefined, '1767225600').date.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(at(undefined).date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(at('2025-07-20', '1767225600').date.toISOString()).toBe('2025-07-20T00:00:00.000Z');
  });

  it.each(['99999999999999', '253402300800', 'yesterday', '-1', '1.5'])(
    'rejects SOURCE_DATE_EPOCH=%s, naming the variable',
    (epoch) => {
      const error = catchError(() => at(undefined, epoch));
      expect(error.code).toBe('source-date-epoch');
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('SOURCE_DATE_EPOCH');
    },
  );
});
