import { expect, test } from '@playwright/test';
import { signInByEmail } from './fixtures/auth';
import { e2eTrainerEmails } from './ports';

test('a trainer publishes a joint session and a visitor finds it with the right local time', async ({ page, browser }, testInfo) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const agencyName = `Riverside Police Department ${tag}`;
  const title = `Interviewing children after abuse ${tag}`;
  const topic = `joint-training-${tag}`;

  await signInByEmail(page, e2eTrainerEmails[2 + (testInfo.workerIndex % 2)]!, '/trainer');

  await page.goto('/trainer/agencies/new');
  await page.getByLabel('Name', { exact: true }).fill(agencyName);
  await page.getByLabel('Kind of agency').selectOption({ label: 'Police department' });
  await page.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.getByRole('heading', { level: 1, name: agencyName })).toBeVisible();

  await page.goto('/trainer/workshops/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill('How to talk with children who disclose abuse, run with the local police department.');
  await page.getByLabel('Topics').fill(`child protection, ${topic}`);
  await page.getByLabel('Credit hours').fill('3.5');
  await page.getByLabel('Content notice').fill('This workshop discusses the abuse of children.');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page).toHaveURL(/\/trainer\/workshops\/[0-9a-f-]{36}/);

  await page.getByRole('link', { name: 'Add sessions' }).click();
  await page.getByLabel('Time zone').selectOption('America/Chicago');
  await page.getByLabel('Starts').fill('2027-03-02T09:00');
  await page.getByLabel('Ends').fill('2027-03-02T12:00');
  await page.getByLabel('Venue name').fill('Riverside Training Center');
  await page.getByLabel('Address').fill('100 River St, Riverside');
  await page.getByLabel('Capacity').fill('20');
  await page.getByLabel('Partner agency').selectOption({ label: agencyName });
  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page).toHaveURL(/\/trainer\/workshops\/[0-9a-f-]{36}/);
  await expect(page.getByText('Tue 2 Mar, 9:00–12:00 CST', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();

  const visitor = await browser.newPage();
  // Publishing refreshes the cached catalogue. Another visitor's render already under way when it
  // was published (other specs browse the catalogue at the same time) can put the previous page
  // back, until the catalogue's 30-second revalidation at the latest.
  await expect
    .poll(
      async () => {
        await visitor.goto('/');
        return visitor.getByRole('link', { name: title }).count();
      },
      { timeout: 45_000, intervals: [500, 1_000, 2_000, 5_000] },
    )
    .toBeGreaterThan(0);
  await visitor.getByLabel('Topic').selectOption(topic);
  await visitor.getByLabel('Joint sessions with partner agencies').check();
  await visitor.getByRole('button', { name: 'Show sessions' }).click();
  await expect(visitor).toHaveURL(new RegExp(`topic=${topic}`));
  const result = visitor.getByRole('article').filter({ hasText: title });
  await expect(result).toHaveCount(1);
  await expect(result.getByRole('link', { name: 'Tue 2 Mar, 9:00–12:00 CST' })).toBeVisible();
  await expect(result).toContainText(`Joint session with ${agencyName}`);
  await expect(result).toContainText('20 seats left');

  await result.getByRole('link', { name: 'Tue 2 Mar, 9:00–12:00 CST' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(visitor.getByText('This workshop discusses the abuse of children.')).toBeVisible();
  await visitor.close();
});

test('drafts are not public', async ({ page }, testInfo) => {
  const title = `Draft only ${Math.random().toString(36).slice(2, 8)}`;
  await signInByEmail(page, e2eTrainerEmails[4 + (testInfo.workerIndex % 2)]!, '/trainer');
  await page.goto('/trainer/workshops/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('URL slug (optional)').fill(title.toLowerCase().replaceAll(' ', '-'));
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page).toHaveURL(/\/trainer\/workshops\/[0-9a-f-]{36}/);
  const response = await page.request.get(`/workshops/${title.toLowerCase().replaceAll(' ', '-')}`);
  expect(response.status()).toBe(404);
});
