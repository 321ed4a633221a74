import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConversationDetail } from '../../plugins/live-chat/shared/contracts/conversations';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext, saveScreenshot } from '../harness/browser';
import { startConversation } from '../harness/fixtures';
import { listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * C1, C2, B7, B8 in a real browser: the inbox's side panel against a booted Strapi and the built
 * admin panel. Bad input shows the API's own field errors at the fields and stores nothing; good
 * input is stored and survives a reload; Create lead and … > Create deal link records that the
 * panel lists and the timeline shows; a closed chat's panel still saves.
 */
jest.setTimeout(180_000);


let app: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let ada: TestAdmin;
let page: Page;

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  ada = await createAgent(app, 'Ada');
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await signInToAdmin(context, baseUrl, ada);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

const api = (agent: TestAdmin) => ({
  get: (path: string) => app.http().get(`/live-chat${path}`).set(bearer(agent.token)),
  post: (path: string, body: object = {}) => app.http().post(`/live-chat${path}`).set(bearer(agent.token)).send(body),
});

async function storedDetail(documentId: string): Promise<ConversationDetail> {
  const response = await api(ada).get(`/conversations/${documentId}`);
  expect(response.status).toBe(200);
  return response.body.data;
}

/** A chat Ada took, opened in her inbox with its side panel. */
async function openAssignedChat(visitorName: string) {
  const { documentId } = await startConversation(app, { name: visitorName });
  expect((await api(ada).post(`/conversations/${documentId}/assign`)).status).toBe(200);
  await page.goto(`${inboxUrl(baseUrl)}/inbox/mine/${documentId}`);
  const panel = page.getByRole('complementary', { name: 'Details' });
  await panel.waitFor();
  return { documentId, panel };
}

/** The API's message, shown as the field's error (Field.Error), with the input marked invalid. */
async function expectFieldError(page: Page, label: string, message: string) {
  const input = page.getByLabel(label, { exact: true });
  await page.getByText(message, { exact: true }).waitFor();
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorText = await page.locator(`[id="${describedBy}"]`).textContent();
  expect(errorText).toBe(message);
}

describe('C1 the side panel', () => {
  it("shows the API's field errors inline for a bad email and a negative value, and stores nothing", async () => {
    const { documentId, panel } = await openAssignedChat('Bad Input');
    await panel.getByLabel('Email', { exact: true }).fill('not-an-email');
    await panel.getByLabel('Deal value', { exact: true }).fill('-5');
    await panel.getByLabel('Person name', { exact: true }).fill('Kept Name');
    await panel.getByRole('button', { name: 'Save' }).click();

    await expectFieldError(page, 'Email', 'Enter a valid email address, e.g. name@example.com');
    await expectFieldError(page, 'Deal value', 'Deal value cannot be negative');
    await saveScreenshot(page, 'inbox-side-panel-field-errors.png');
    // A refused save is refused as a whole (F4): nothing half-written.
    expect((await storedDetail(documentId)).sidePanel).toMatchObject({ personEmail: null, dealValue: null, personName: null });
    // What the agent typed stays in the form, to be corrected.
    expect(await panel.getByLabel('Person name', { exact: true }).inputValue()).toBe('Kept Name');

    // Correcting a field clears its error; a good save stores everything.
    await panel.getByLabel('Email', { exact: true }).fill('kept@example.com');
    expect(await panel.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).not.toBe('true');
    await panel.getByLabel('Deal value', { exact: true }).fill('10');
    await panel.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Details saved').first().waitFor();
    expect((await storedDetail(documentId)).sidePanel).toMatchObject({ personEmail: 'kept@example.com', dealValue: 10, personName: 'Kept Name' });
  });

  it('saves every field and shows them again after a reload', async () => {
    const { documentId, panel } = await openAssignedChat('Grace Visitor');
    await panel.getByLabel('Deal value', { exact: true }).fill('1200.50');
    await panel.getByRole('combobox', { name: 'Currency' }).click();
    await page.getByRole('option', { name: /^EUR/ }).click();
    await panel.getByLabel('Person name', { exact: true }).fill('Grace Hopper');
    await panel.getByLabel('Email', { exact: true }).fill('Grace@Example.com');
    await panel.getByLabel('Phone', { exact: true }).fill('+46 70 123 45 67');
    await panel.getByLabel('Organization name', { exact: true }).fill('Navy Labs');
    await panel.getByLabel('Address', { exact: true }).fill('1 Harbour Road, Arlington');
    await panel.getByLabel('Notes', { exact: true }).fill('Wants a demo on Monday');
    await panel.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Details saved').first().waitFor();

    // Stored as the server normalises it (lower-cased email, E.164 phone).
    expect((await storedDetail(documentId)).sidePanel).toEqual({
      dealValue: 1200.5,
      dealCurrency: 'EUR',
      expectedCloseDate: null,
      personName: 'Grace Hopper',
      personEmail: 'grace@example.com',
      personPhone: '+46701234567',
      organizationName: 'Navy Labs',
      organizationAddress: '1 Harbour Road, Arlington',
      notes: 'Wants a demo on Monday',
    });

    await page.reload();
    const reloaded = page.getByRole('complementary', { name: 'Details' });
    await reloaded.waitFor();
    await reloaded.getByLabel('Email', { exact: true }).waitFor();
    expect(await reloaded.getByLabel('Email', { exact: true }).inputValue()).toBe('grace@example.com');
    expect(await reloaded.getByLabel('Phone', { exact: true }).inputValue()).toBe('+46701234567');
    expect(await reloaded.getByLabel('Notes', { exact: true }).inputValue()).toBe('Wants a demo on Monday');
    expect(await reloaded.getByLabel('Deal value', { exact: true }).inputValue()).toMatch(/^1,?200\.5$/);
    expect(await reloaded.getByRole('combobox', { name: 'Currency' }).textContent()).toContain('EUR');
    // Nothing unsaved: Save waits for a change.
    expect(await reloaded.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
  });
});

describe('C2 Create lead and … > Create deal', () => {
  it('creates linked records the panel lists and the timeline shows (B7), then still saves after close (B8)', async () => {
    const { documentId, panel } = await openAssignedChat('Linus Visitor');
    await panel.getByLabel('Person name', { exact: true }).fill('Linus Customer');
    await panel.getByLabel('Email', { exact: true }).fill('linus@example.com');
    await panel.getByLabel('Organization name', { exact: true }).fill('Kernel Ltd');
    await panel.getByLabel('Deal value', { exact: true }).fill('900');
    await panel.getByRole('combobox', { name: 'Currency' }).click();
    await page.getByRole('option', { name: /^SEK/ }).click();

    // Unsaved details are saved first, so the lead is made from what the agent sees.
    await panel.getByRole('button', { name: 'Create lead' }).click();
    const timeline = page.getByRole('log', { name: 'Conversation' });
    await timeline.locator('[data-event="lead_created"]').waitFor();
    expect(await timeline.locator('[data-event="lead_created"]').textContent()).toContain('Linus Customer lead');
    const linked = panel.getByRole('region', { name: 'Linked records' });
    await linked.getByRole('link', { name: 'Linus Customer lead', exact: true }).waitFor();
    await linked.getByRole('link', { name: 'Linus Customer', exact: true }).waitFor();
    await linked.getByRole('link', { name: 'Kernel Ltd', exact: true }).waitFor();

    await panel.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Create deal' }).click();
    await timeline.locator('[data-event="deal_created"]').waitFor();
    await linked.getByRole('link', { name: 'Linus Customer deal' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'inbox-side-panel-lead-deal.png');

    const records = (await api(ada).get(`/conversations/${documentId}/crm-records`)).body.data;
    expect(records.leads.map((r: { title: string }) => r.title)).toEqual(['Linus Customer lead']);
    expect(records.deals.map((r: { title: string }) => r.title)).toEqual(['Linus Customer deal']);
    const dealLink = await linked.getByRole('link', { name: 'Linus Customer deal' }).getAttribute('href');
    expect(dealLink).toContain(`/content-manager/collection-types/plugin::live-chat.deal/${records.deals[0].documentId}`);
    // Neither closes the conversation (C2).
    expect((await storedDetail(documentId)).status).toBe('assigned');

    expect((await api(ada).post(`/conversations/${documentId}/close`)).status).toBe(200);
    await page.reload();
    const closedPanel = page.getByRole('complementary', { name: 'Details' });
    await closedPanel.getByLabel('Notes', { exact: true }).fill('Follow up after close');
    await closedPanel.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Details saved').first().waitFor();
    expect((await storedDetail(documentId)).sidePanel.notes).toBe('Follow up after close');
    // The links outlive the chat and a reload.
    await closedPanel.getByRole('region', { name: 'Linked records' }).getByRole('link', { name: 'Linus Customer deal' }).waitFor();
  });
});
