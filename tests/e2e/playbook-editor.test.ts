import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { PlaybookCard, PlaybookDetail } from '../../plugins/live-chat/shared/contracts/playbooks';
import { bearer, createAdmin, type TestAdmin } from '../harness/admin';
import { inboxUrl, signInToAdmin } from '../harness/admin-ui';
import { launchBrowser, newContext } from '../harness/browser';
import { listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * The playbook editor in a real browser (A1, A2, A6, A7): a super admin opens a playbook made from
 * the Live Chat template, adds a question whose reply buttons lead to different cards and an
 * availability branch with both paths, saves, and the API holds exactly what was picked. A bad
 * value comes back as the server's field error, shown at the field it names.
 */
jest.setTimeout(240_000);

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: TestAdmin;
let playbook: PlaybookDetail;

const api = {
  get: (url: string) => app.http().get(`/live-chat${url}`).set(bearer(admin.token)),
  post: (url: string, body: object) => app.http().post(`/live-chat${url}`).set(bearer(admin.token)).send(body),
};
const detail = async (): Promise<PlaybookDetail> => (await api.get(`/playbooks/${playbook.documentId}`)).body.data;
const cardTitled = (cards: PlaybookCard[], title: string): PlaybookCard => {
  const card = cards.find((c) => c.title === title);
  if (!card) throw new Error(`No card titled "${title}" in ${cards.map((c) => c.title).join(', ')}`);
  return card;
};

beforeAll(async () => {
  app = await bootStrapi();
  baseUrl = await listen(app);
  admin = await createAdmin(app, 'super', 'Playbook Editor');
  const created = await api.post('/playbooks', { name: 'Website flow', template: 'live_chat' });
  expect(created.status).toBe(201);
  playbook = created.body.data;
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await signInToAdmin(context, baseUrl, admin);
  await page.goto(`${inboxUrl(baseUrl)}/playbooks/${playbook.documentId}`);
  await page.getByRole('heading', { name: 'Website flow' }).waitFor();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

const dialog = () => page.getByRole('dialog');

/** Picks an option of a design-system select (a Radix combobox) by the select's label. */
async function pick(label: string, option: string | RegExp) {
  await dialog().getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function addCard(kind: string) {
  await page.getByRole('button', { name: 'Add card' }).click();
  await page.getByRole('menuitem', { name: kind }).click();
  await dialog().waitFor();
}

async function saveCard() {
  await dialog().getByRole('button', { name: 'Save card' }).click();
  await dialog().waitFor({ state: 'detached' });
}

/** The text of the error the field's input points at (aria-describedby), as a screen reader reads it. */
async function describedError(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.filter((t): t is string => t !== null).join(' ');
}

describe('A6: every card kind has a real form', () => {
  it('adds a question whose buttons lead to different cards, and a branch with both paths; Save stores what was picked', async () => {
    const before = playbook.cards;
    const liveChat = cardTitled(before, 'Live Chat');
    const capture = cardTitled(before, 'Contact details');

    await addCard('Question with buttons');
    await dialog().getByLabel('Title').fill('What brings you here');
    await dialog().getByLabel('Question').fill('What can we do for you?');
    await dialog().getByLabel('Button 1 label').fill('Talk to sales');
    await pick('Button 1 leads to', '2. Live Chat (Live Chat card)');
    await dialog().getByLabel('Button 2 label').fill('Leave a message');
    await pick('Button 2 leads to', '3. Contact details (Capture details)');
    await dialog().getByRole('button', { name: 'Add reply button' }).click();
    await dialog().getByLabel('Button 3 label').fill('Just looking');
    await pick('Button 3 leads to', 'End of the flow');
    await dialog().getByRole('button', { name: 'Move button 3 up' }).click();
    await saveCard();

    await addCard('Branch on availability');
    await dialog().getByLabel('Title').fill('Anyone there');
    await pick('When an agent is online, go to', '2. Live Chat (Live Chat card)');
    await pick('When no agent is online, go to', '3. Contact details (Capture details)');
    await saveCard();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Playbook saved and published').waitFor();

    const saved = await detail();
    expect(saved).toMatchObject({ published: true, hasDraftChanges: false, cardCount: before.length + 2 });
    const question = cardTitled(saved.cards, 'What brings you here');
    expect(question.kind).toBe('question');
    expect(question.settings).toEqual({
      prompt: [{ type: 'paragraph', children: [{ type: 'text', text: 'What can we do for you?' }] }],
      buttons: [
        { id: 'b1', label: 'Talk to sales', next: liveChat.documentId },
        { id: 'b3', label: 'Just looking', next: null },
        { id: 'b2', label: 'Leave a message', next: capture.documentId },
      ],
    });
    const branch = cardTitled(saved.cards, 'Anyone there');
    expect(branch).toMatchObject({ kind: 'availability_branch', settings: { online: liveChat.documentId, offline: capture.documentId } });

    // What runs is what was saved: the published version carries the same links.
    const runnable = await app.strapi.plugin('live-chat').service('playbooks').findRunnablePlaybook(playbook.documentId);
    expect(runnable.cards.find((c: { id: string }) => c.id === branch.documentId).settings).toEqual(branch.settings);
  });

  it('shows the server’s field error at the field it names, and stores nothing', async () => {
    const question = cardTitled((await detail()).cards, 'What brings you here');
    const row = page.getByRole('listitem').filter({ hasText: 'What brings you here' });
    await row.getByRole('button', { name: 'Edit' }).click();
    await dialog().waitFor();
    const label = dialog().getByLabel('Button 2 label');
    await label.fill('   ');
    await dialog().getByRole('button', { name: 'Save card' }).click();

    await dialog().getByText('The label is empty').waitFor();
    expect(await describedError(label)).toContain('The label is empty');
    expect(await describedError(dialog().getByLabel('Button 1 label'))).not.toContain('The label is empty');
    expect(await label.getAttribute('aria-invalid')).toBe('true');

    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(cardTitled((await detail()).cards, 'What brings you here').settings).toEqual(question.settings);
  });

  it('edits a Live Chat card’s wait time and offline path, and shows a wait time out of bounds at its field', async () => {
    const cards = (await detail()).cards;
    const thanks = cardTitled(cards, 'Thank you');
    const row = page.getByRole('listitem').filter({ hasText: 'Live Chat' }).filter({ has: page.getByText('Wait time:') });
    await row.getByRole('button', { name: 'Edit' }).click();
    await dialog().waitFor();
    const wait = dialog().getByLabel('Wait time (seconds)');
    await wait.fill('5');
    await dialog().getByRole('button', { name: 'Save card' }).click();
    await dialog().getByText('At least 10 seconds').waitFor();
    expect(await describedError(wait)).toContain('At least 10 seconds');

    await wait.fill('90');
    await pick('Offline path starts at', '5. Thank you (Bot message)');
    await saveCard();
    const live = cardTitled((await detail()).cards, 'Live Chat');
    expect(live).toMatchObject({ waitTimeSeconds: 90, settings: { offlineNext: thanks.documentId } });
  });

  it('E5: switches to Swedish, creates the Swedish copy from English, edits a text in it and saves that copy', async () => {
    await app.strapi.plugin('i18n').service('locales').create({ code: 'sv', name: 'Swedish (sv)' });
    await page.reload();
    await page.getByRole('heading', { name: 'Website flow' }).waitFor();
    const greeting = cardTitled((await detail()).cards, 'Greeting');

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Swedish (sv): no copy yet' }).click();
    await page.getByText('This playbook has no Swedish (sv) copy yet.').waitFor();
    await page.getByRole('button', { name: 'Create the Swedish (sv) copy from English (en)' }).click();

    // The copy: the same cards, texts only: no adding, moving or deleting cards.
    const row = page.getByRole('listitem').filter({ hasText: 'Greeting' });
    await row.waitFor();
    expect(await page.getByRole('button', { name: 'Add card' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Move down' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Edit' }).click();
    await dialog().waitFor();
    await dialog().getByText('Texts in Swedish (sv). Links, buttons, fields and the wait time follow English (en).').waitFor();
    expect(await dialog().getByLabel('Title').count()).toBe(0);
    expect(await dialog().getByRole('combobox', { name: 'Next card' }).count()).toBe(0);
    await dialog().getByLabel('Message').fill('Hej! Välkommen hit.');
    await saveCard();
    await page.getByRole('listitem').filter({ hasText: 'Hej! Välkommen hit.' }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Swedish (sv) texts saved and published').waitFor();

    const swedish = (await api.get(`/playbooks/${playbook.documentId}?locale=sv`)).body.data as PlaybookDetail;
    expect(swedish).toMatchObject({ locale: 'sv', published: true, hasDraftChanges: false });
    expect(JSON.stringify(cardTitled(swedish.cards, 'Greeting').settings.message)).toContain('Hej! Välkommen hit.');
    const english = await detail();
    expect(JSON.stringify(cardTitled(english.cards, 'Greeting').settings.message)).not.toContain('Välkommen');
    const runs = await app.strapi.plugin('live-chat').service('playbooks').findRunnablePlaybook(playbook.documentId, 'sv-SE');
    expect(JSON.stringify(runs.cards.find((c: { id: string }) => c.id === greeting.documentId).settings.message)).toContain('Hej! Välkommen hit.');

    // Back in English, the structure controls return.
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'English (en) (default)' }).click();
    await page.getByRole('button', { name: 'Add card' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Hi there!' }).waitFor();
  });
});
