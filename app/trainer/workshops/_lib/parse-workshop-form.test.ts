import { describe, expect, it } from 'vitest';
import { ZWorkshopCreate, ZWorkshopFields } from '@/lib/workshops/schemas';
import { parseWorkshopForm, workshopFieldName } from './parse-workshop-form';

/** A submitted form as runAction's schema reads it: every field as text. */
function form(entries: Record<string, string>): Record<string, string> {
  return entries;
}

const base = {
  title: 'Trauma-informed interviewing',
  slug: '',
  summary: 'How trauma shapes memory.',
  descriptionMarkdown: '## Why\n\nBecause.',
  learningObjectives: 'Explain memory and trauma\r\n\r\n  Plan an interview  \n',
  audience: 'Patrol officers',
  topics: 'Trauma-informed care, interviewing victims,, trauma-informed care',
  durationMinutes: '180',
  creditHours: '3.5',
  creditCategory: 'POST continuing education',
  minimumCertificateHours: '1.5',
  contentNotice: 'Discusses abuse.',
  whatToBring: 'Your notebook and agency ID.',
};

describe('parseWorkshopForm', () => {
  it('gives the domain its shape: lists from lines and commas, numbers, no empty slug', () => {
    const input = parseWorkshopForm(form(base));
    expect(input).toEqual({
      title: 'Trauma-informed interviewing',
      summary: 'How trauma shapes memory.',
      descriptionMarkdown: '## Why\n\nBecause.',
      learningObjectives: ['Explain memory and trauma', 'Plan an interview'],
      audience: 'Patrol officers',
      topics: ['trauma-informed care', 'interviewing victims'],
      durationMinutes: 180,
      creditHours: 3.5,
      creditCategory: 'POST continuing education',
      minimumCertificateHours: 1.5,
      contentNotice: 'Discusses abuse.',
      whatToBring: 'Your notebook and agency ID.',
    });
    expect(ZWorkshopCreate.safeParse(input).success).toBe(true);
  });

  it('keeps a typed slug', () => {
    expect(parseWorkshopForm(form({ ...base, slug: ' my-slug ' })).slug).toBe('my-slug');
  });

  it('reads empty numbers as none, and words as NaN so the schema gives its message', () => {
    const empty = parseWorkshopForm(form({ ...base, durationMinutes: '', creditHours: '' }));
    expect(empty.durationMinutes).toBeNull();
    expect(empty.creditHours).toBe(0);
    const words = parseWorkshopForm(form({ ...base, durationMinutes: 'three hours', creditHours: '3,5' }));
    expect(words.durationMinutes).toBeNaN();
    expect(words.creditHours).toBeNaN();
    const result = ZWorkshopFields.partial().safeParse(words);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['durationMinutes', 'creditHours']));
  });

  it('reads the minimum hours for a certificate: empty is none, words and three decimals are refused', () => {
    expect(parseWorkshopForm(form({ ...base, minimumCertificateHours: ' ' })).minimumCertificateHours).toBeNull();
    const fieldOf = (minimumCertificateHours: string) => {
      const result = ZWorkshopFields.partial().safeParse(parseWorkshopForm(form({ ...base, minimumCertificateHours })));
      return result.error?.issues.find((issue) => issue.path[0] === 'minimumCertificateHours')?.message;
    };
    expect(fieldOf('2')).toBeUndefined();
    expect(fieldOf('two')).toBe('Enter the minimum hours as a number, like 2.5.');
    expect(fieldOf('-1')).toBe('The minimum hours cannot be negative.');
    expect(fieldOf('1.255')).toBe('Use at most two decimal places.');
  });

  it('takes hours with two decimals that floating point cannot hold exactly', () => {
    for (const hours of ['1.1', '0.29', '2.33', '199.99']) {
      const input = parseWorkshopForm(form({ ...base, creditHours: hours, minimumCertificateHours: hours }));
      expect(ZWorkshopCreate.safeParse(input).success, hours).toBe(true);
    }
  });
});

describe('workshopFieldName', () => {
  it('puts a message about one line beside the whole list, naming the line', () => {
    expect(workshopFieldName('learningObjectives.2', 'Too long')).toEqual(['learningObjectives', 'Objective 3: Too long']);
    expect(workshopFieldName('topics.0', 'Too long')).toEqual(['topics', 'Topic 1: Too long']);
    expect(workshopFieldName('slug', 'Taken')).toEqual(['slug', 'Taken']);
  });
});
