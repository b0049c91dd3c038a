import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { field } from './form-schema';

const ZExample = z.object({ name: field.text(), overbook: field.flag(), units: field.lines(), hours: field.decimal() });

describe('form fields', () => {
  it('reads absent fields as empty, a checkbox as a flag, a textarea as lines and a number as a number', () => {
    expect(ZExample.parse({})).toEqual({ name: '', overbook: false, units: [], hours: undefined });
    expect(ZExample.parse({ name: 'Ana\u0000 Rivera', overbook: '1', units: ' CID \r\n\n Patrol ', hours: ' 2.5 ' })).toEqual({
      name: 'Ana Rivera',
      overbook: true,
      units: ['CID', 'Patrol'],
      hours: 2.5,
    });
  });

  it('leaves a number that is not a plain decimal to the domain, as NaN', () => {
    expect(ZExample.parse({ hours: '0x10' }).hours).toBeNaN();
    expect(ZExample.parse({ hours: '1e3' }).hours).toBeNaN();
  });
});
