import { describe, expect, it } from 'vitest';
import { checkRows } from '../../src/charts/check-rows.ts';
import type { PathSegment } from '../../src/data/data-path.ts';
import { formatDataPath } from '../../src/data/data-path.ts';

const chart = {
  name: 'bars',
  file: 'charts/bars.vl.json',
  spec: {
    data: { name: 'rows' },
    mark: 'bar',
    encoding: { x: { field: 'key', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
  },
};
/** Places a data path as its text, so the test sees which row was named. */
const locateData = (path: PathSegment[]) => ({ path: formatDataPath(path) });

describe('checkRows', () => {
  it('names a "__proto__" value by its row in the data, counting rows that are not objects', () => {
    const rows = [null, 'note', { key: 'a', n: 1 }, { key: '__proto__', n: 2 }];
    const problem = checkRows(chart, 'rows', rows, locateData);
    expect(problem?.place).toEqual({ path: 'rows[3].key' });
    expect(problem?.message.message).toContain('rows[3].key');
  });
});
