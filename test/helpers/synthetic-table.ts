import type { TableRequest } from '../../src/layout/table.ts';

/** A small synthetic table: a header row and two body rows. */
export const syntheticTable: TableRequest = {
  name: 'table',
  box: { x: 50, y: 50, w: 400, h: 100 },
  header: [[{ text: 'Figure' }], [{ text: 'What it counts' }]],
  rows: [
    [[{ text: '31' }], [{ text: 'new projects' }]],
    [[{ text: '50' }], [{ text: 'patents' }]],
  ],
  align: ['right', 'left'],
  size: 10,
  colors: {
    text: '000000',
    header: '0B3D91',
    headerText: 'FFFFFF',
    body: 'FFFFFF',
    stripe: 'EEEEEE',
    rule: '999999',
  },
};
