import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ColumnHeads } from './column-heads';

describe('ColumnHeads', () => {
  it('heads each column in order, numbers right-aligned and the last column without right padding', () => {
    const html = renderToStaticMarkup(
      <table>
        <ColumnHeads columns={[{ label: 'Officer' }, { label: 'Sessions', numeric: true }, { label: 'Hours', numeric: true }]} />
      </table>,
    );
    expect(html).toBe(
      '<table><thead><tr class="border-b border-slate-300">' +
        '<th scope="col" class="py-2 pr-4">Officer</th>' +
        '<th scope="col" class="py-2 pr-4 text-right">Sessions</th>' +
        '<th scope="col" class="py-2 text-right">Hours</th>' +
        '</tr></thead></table>',
    );
  });
});
