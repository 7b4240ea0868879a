// Writes a recipients CSV for batch runs: one `prepared_for` per row (a field the sample
// template's schema allows), optionally one bad row whose empty summary fails validation.
import { writeFileSync } from 'node:fs';

/**
 * @param {string} file
 * @param {number} rows data rows (the header is row 1, so data rows are 2 … rows + 1)
 * @param {number} [badRow] CSV row number to break, if any
 */
export function writeRecipients(file, rows, badRow) {
  const lines = ['prepared_for,summary'];
  for (let i = 1; i <= rows; i++) {
    const row = i + 1;
    const summary =
      row === badRow
        ? ''
        : `Results of the space station's science programme in 2025, prepared for recipient ${i}.`;
    lines.push(`"Recipient ${String(i).padStart(5, '0')}","${summary}"`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
