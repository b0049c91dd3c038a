import { describe, expect, it } from 'vitest';
import { intentForOpening } from './check-in-by-token';

describe('intentForOpening', () => {
  it.each(['none', 'same-origin'])('a navigation with Sec-Fetch-Site %s is a scan', (site) => {
    expect(intentForOpening(site)).toBe('scan');
  });

  it.each(['cross-site', 'same-site', '', null])('Sec-Fetch-Site %j only shows the person', (site) => {
    expect(intentForOpening(site)).toBe('look');
  });
});
