import { describe, expect, it } from 'vitest';
import { firstFreeSlug, slugify, SLUG_PATTERN } from './slug';

describe('slugify', () => {
  it.each([
    ['Trauma-Informed Interviewing of Children', 'trauma-informed-interviewing-of-children'],
    ['  Recognising signs of abuse: a primer!  ', 'recognising-signs-of-abuse-a-primer'],
    ['Łódź & Kraków — joint training', 'lodz-and-krakow-joint-training'],
    ['Gespräche mit Kindern führen (Straße)', 'gesprache-mit-kindern-fuhren-strasse'],
    ['Nguyễn Thị Minh Khai', 'nguyen-thi-minh-khai'],
    ['!!!', 'workshop'],
  ])('%j -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it('keeps slugs short and never ends on a hyphen', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('firstFreeSlug', () => {
  it('adds a number when the slug is taken', async () => {
    const taken = new Set(['bullying-prevention', 'bullying-prevention-2']);
    expect(await firstFreeSlug('bullying-prevention', async (s) => taken.has(s))).toBe('bullying-prevention-3');
    expect(await firstFreeSlug('new-one', async (s) => taken.has(s))).toBe('new-one');
  });
});
