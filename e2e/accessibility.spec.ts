import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInByEmail, uniqueEmail } from './fixtures/auth';
import { appPagePatterns, axeViolations, crawl, type TPageViolation } from './fixtures/crawl';
import { DEMO_CO_FACILITATOR_EMAIL } from '../db/demo';
import { appUrl, demoUrl } from './ports';

// A trainer of the demo server's own (TRAINER_EMAILS), so this crawl never races the demo
// sign-in test for the demo trainer's link.
const CRAWL_TRAINER_EMAIL = 'crawler@e2e.example';

// Pages no link leads to: reached from emails, redirects and errors.
const SIGN_IN_SEEDS = [
  '/signin',
  '/signin/check-email',
  '/signin/confirm?token=example&email=officer%40example.org',
  '/signin/confirm',
  '/registrations/confirm?token=example',
  '/registrations/confirm',
  '/signin/error?error=Verification',
  '/no-such-page',
];
const CATALOGUE_SEEDS = [
  '/',
  // `/` is served from these two (next.config.mjs rewrites); visit them under their own names too.
  '/browse/1',
  '/search?q=trauma&hasSeats=1',
  // A certificate's QR code leads here; no certificate has this code.
  '/verify/7K2Q-9XWD-4HPA-M3TR',
  // An approver's emailed link leads here; this token was never issued (the used-link answer).
  '/approvals/never-issued-token',
];

// axe needs pages made from a context of their own.
async function newPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

/**
 * A stranger registers for a demo session through its page, so the roster has someone on it and
 * the manage page (reached only from the emailed link) can be crawled.
 */
async function registerOnDemo(page: Page): Promise<{ email: string; sessionId: string }> {
  const sessions = (await (await page.request.get('/api/v1/sessions')).json()) as { items: { id: string }[] };
  const sessionId = sessions.items[0]?.id;
  expect(sessionId, 'the demo data has an upcoming session').toBeTruthy();
  const email = uniqueEmail('visitor');
  await page.goto(`/sessions/${sessionId}`);
  const form = page.getByRole('region', { name: 'Register' });
  await form.getByLabel('Full name').fill('Riley Visitor');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Agency', { exact: true }).fill('Riverside Police Department');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByRole('status')).toContainText("You're booked.");
  return { email, sessionId: sessionId! };
}

/** A link from the newest demo message to `to` with that subject, read in the local mailbox. */
async function linkFromDemoMail(page: Page, to: string, subject: RegExp, hrefPart: string): Promise<string> {
  const row = page.getByRole('row').filter({ hasText: to }).filter({ has: page.getByRole('link', { name: subject }) }).first();
  await expect
    .poll(async () => {
      await page.goto('/dev/mailbox');
      return row.count();
    })
    .toBeGreaterThan(0);
  await row.getByRole('link', { name: subject }).click();
  const href = await page.locator(`a[href*="${hrefPart}"]`).first().getAttribute('href');
  expect(href, `a link to ${hrefPart} in the email`).toBeTruthy();
  return href!;
}

/** Follows the newest sign-in link to `email` in the demo server's mailbox (requested earlier). */
async function finishDemoSignIn(page: Page, email: string) {
  const linkRow = page.getByRole('row').filter({ hasText: email }).first();
  await expect
    .poll(async () => {
      await page.goto('/dev/mailbox');
      return linkRow.count();
    })
    .toBeGreaterThan(0);
  await linkRow.getByRole('link').click();
  await page.getByRole('link', { name: 'Sign in to Muster' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

async function requestDemoSignIn(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
}

// The crawl runs as short steps in one worker, each within its own part of the app, so no step
// comes near its timeout on a busy machine; the last step checks that together they reached
// every page in app/.
test.describe('every page passes axe (WCAG 2.2 AA)', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  const visited: string[] = [];
  const violations: TPageViolation[] = [];
  const record = (result: { visited: string[]; violations: TPageViolation[] }) => {
    visited.push(...result.visited);
    violations.push(...result.violations);
  };
  const within =
    (...prefixes: string[]) =>
    (pathname: string) =>
      prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  // Each step answers for the pages it visited.
  test.afterEach(() => {
    expect(violations, 'serious or critical accessibility violations').toEqual([]);
  });
  // Signed in once on the demo server; later steps reuse the cookies instead of signing in again.
  let trainerState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
  let demoSessionId = '';

  const asDemoTrainer = async (browser: Browser) => {
    expect(trainerState, 'the trainer signed in in an earlier step').toBeTruthy();
    const context = await browser.newContext({ baseURL: demoUrl, storageState: trainerState });
    return context.newPage();
  };

  test('for strangers, signing in', async ({ browser }) => {
    const stranger = await newPage(browser, appUrl);
    record(await crawl(stranger, appUrl, SIGN_IN_SEEDS, { follow: within('/signin') }));
    await stranger.context().close();
  });

  test('for strangers, in the catalogue and verification', async ({ browser }) => {
    const stranger = await newPage(browser, appUrl);
    record(await crawl(stranger, appUrl, CATALOGUE_SEEDS));
    await stranger.context().close();
  });

  test('for officers', async ({ browser }) => {
    const officer = await newPage(browser, appUrl);
    await signInByEmail(officer, uniqueEmail('officer'));
    // The header is filled in after the page loads, so the crawl is not relied on to see its links.
    await officer.getByRole('banner').getByRole('link', { name: 'My training' }).click();
    await expect(officer.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
    record(await crawl(officer, appUrl, ['/me', '/', '/trainer'], { follow: within('/me', '/trainer', '/agency') }));
    await officer.context().close();
  });

  test('for strangers, on published workshops and sessions', async ({ browser }) => {
    const stranger = await newPage(browser, demoUrl);
    record(await crawl(stranger, demoUrl, ['/'], { follow: within('/sessions', '/workshops') }));
    await stranger.context().close();
  });

  // The demo server has demo data (workshops, sessions, agencies) and no SMTP: its local mailbox
  // is where the sign-in link arrives, and a trainer's crawl there finds real records.
  test('for a registrant: the manage page and the local mailbox', async ({ browser }) => {
    const demo = await newPage(browser, demoUrl);
    await requestDemoSignIn(demo, CRAWL_TRAINER_EMAIL);
    const registered = await registerOnDemo(demo);
    demoSessionId = registered.sessionId;
    violations.push(...(await axeViolations(demo)));
    const manageUrl = await linkFromDemoMail(demo, registered.email, /^You're booked: /, '/registrations/manage?token=');
    await demo.goto(manageUrl);
    await expect(demo.getByRole('heading', { level: 1 })).toContainText('Your place:');
    // The question before cancelling appears only after a click, out of the crawl's sight.
    await demo.getByRole('button', { name: 'Cancel my place' }).click();
    await expect(demo.getByRole('button', { name: 'Yes, cancel my place' })).toBeVisible();
    violations.push(...(await axeViolations(demo)));
    await demo.getByRole('button', { name: 'No, keep my place' }).click();
    record(
      await crawl(demo, demoUrl, ['/dev/mailbox', manageUrl], { follow: within('/dev/mailbox', '/check-in', '/registrations') }),
    );
    await finishDemoSignIn(demo, CRAWL_TRAINER_EMAIL);
    trainerState = await demo.context().storageState();
    await demo.context().close();
  });

  test('for trainers: the dashboard and sessions', async ({ browser }) => {
    const trainer = await asDemoTrainer(browser);
    const seeds = ['/trainer', `/trainer/sessions/${demoSessionId}`];
    record(await crawl(trainer, demoUrl, seeds, { follow: (p) => p === '/trainer' || within('/trainer/sessions')(p) }));
    await trainer.context().close();
  });

  test('for trainers: workshops', async ({ browser }) => {
    const trainer = await asDemoTrainer(browser);
    record(await crawl(trainer, demoUrl, ['/trainer/workshops'], { follow: within('/trainer/workshops') }));
    await trainer.context().close();
  });

  test('for trainers: agencies, settings, the audit log and their own records', async ({ browser }) => {
    const trainer = await asDemoTrainer(browser);
    const seeds = ['/trainer/agencies', '/trainer/settings', '/trainer/audit', '/me'];
    record(await crawl(trainer, demoUrl, seeds, { follow: within('/trainer/agencies', '/trainer/settings', '/me') }));
    await trainer.context().close();
  });

  test('for coordinators', async ({ browser }) => {
    // The trainer makes someone Riverside's coordinator, who then sees its officers in the session
    // run with it: Łukasz by the agency's email domain, Minh confirmed by hand. Zoë only typed
    // Riverside's name: she is a claim, not in the records, until the coordinator confirms her.
    const trainer = await asDemoTrainer(browser);
    const coordinatorEmail = uniqueEmail('coordinator');
    await trainer.goto('/trainer/agencies');
    await trainer.getByRole('link', { name: 'Riverside Police Department' }).click();
    const grant = trainer.getByRole('form', { name: 'Add coordinator' });
    await grant.getByLabel('Email').fill(coordinatorEmail);
    await grant.getByRole('button', { name: 'Add coordinator' }).click();
    await expect(trainer.getByRole('status').filter({ hasText: `${coordinatorEmail} is now a coordinator` })).toBeVisible();
    await trainer.context().close();
    const coordinator = await newPage(browser, demoUrl);
    await requestDemoSignIn(coordinator, coordinatorEmail);
    await finishDemoSignIn(coordinator, coordinatorEmail);
    record(await crawl(coordinator, demoUrl, ['/agency', '/me'], { follow: within('/agency', '/me') }));
    await coordinator.goto('/agency');
    const byOfficer = coordinator.getByRole('region', { name: 'By officer' });
    await expect(byOfficer).toContainText('Łukasz Żółć');
    await expect(byOfficer).toContainText('Nguyễn Thị Minh Khai');
    await expect(byOfficer).not.toContainText('Zoë');
    const claims = coordinator.getByRole('region', { name: 'Claims to be from Riverside Police Department' });
    await expect(claims).toContainText("Zoë O'Brien-Ånström");
    await claims.getByRole('button', { name: "Confirm Zoë O'Brien-Ånström" }).click();
    await expect(claims.getByRole('status')).toContainText('Confirmed');
    await expect(claims).not.toContainText('Zoë');
    await expect(coordinator.getByRole('region', { name: 'By officer' })).toContainText("Zoë O'Brien-Ånström");
    violations.push(...(await axeViolations(coordinator)));
    await coordinator.context().close();
  });

  test('for co-facilitators', async ({ browser }) => {
    // Riverside's training officer co-runs the demo's joint session: signed in, she reaches its
    // roster and check-in from My training, and nothing else of the trainer's.
    const coFacilitator = await newPage(browser, demoUrl);
    await requestDemoSignIn(coFacilitator, DEMO_CO_FACILITATOR_EMAIL);
    await finishDemoSignIn(coFacilitator, DEMO_CO_FACILITATOR_EMAIL);
    await coFacilitator.goto('/me');
    const mine = coFacilitator.getByRole('region', { name: 'Sessions you co-facilitate' });
    await expect(mine.getByRole('link', { name: /^Roster\b/ })).toHaveCount(1);
    record(await crawl(coFacilitator, demoUrl, ['/me'], { follow: within('/me', '/trainer/sessions') }));
    await coFacilitator.goto('/me');
    await mine.getByRole('link', { name: /^Check-in\b/ }).click();
    await expect(coFacilitator.getByRole('heading', { level: 1 })).toContainText('Check-in: ');
    await coFacilitator.context().close();
  });

  test('together the steps reached every page in app/', () => {
    const unreached = appPagePatterns()
      .filter(({ pattern }) => !visited.some((pathname) => pattern.test(pathname)))
      .map(({ route }) => route);
    expect(unreached, 'pages the crawl never reached: link them or add a seed URL here').toEqual([]);
  });
});

test('pages work at phone width without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/', '/signin']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways at 375px`).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  }
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
