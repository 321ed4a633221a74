import { MAX_TRANSCRIPT_LINES, transcriptLinesOf } from '../../../plugins/live-chat/shared/domain/bot-transcript';
import { MESSAGE_MAX_LENGTH } from '../../../plugins/live-chat/shared/domain/messaging';
import { initialFlowState, next, type FlowPlaybook } from '../../../plugins/live-chat/shared/domain/playbook-flow';

/** G2: the engine says what the visitor answered; the transcript turns a step into lines, in order. */
const text = (value: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: value }] }];
const playbook: FlowPlaybook = {
  id: 'pb',
  name: 'Desk',
  cards: [
    { id: 'hello', kind: 'bot_message', position: 0, settings: { message: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hi', bold: true }] }] } },
    { id: 'topic', kind: 'question', position: 1, settings: { prompt: text('Topic?'), buttons: [{ id: 'b1', label: 'Buying' }, { id: 'b2', label: 'Help' }] } },
    { id: 'who', kind: 'capture', position: 2, settings: { prompt: text('Who?'), fields: ['name', 'email', 'phone'], required: ['email'] } },
    { id: 'bye', kind: 'bot_message', position: 3, settings: { message: text('Thanks'), next: null } },
  ],
} as unknown as FlowPlaybook;
const now = new Date('2026-12-07T10:00:00.000Z');

function run(inputs: Parameters<typeof next>[2][]) {
  let state = initialFlowState();
  const lines = [];
  for (const input of inputs) {
    const result = next(playbook, state, input, { agentsOnline: false }, now);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    lines.push(...transcriptLinesOf('key12345', lines.length, result, now));
    state = result.state;
  }
  return lines;
}

describe('the bot transcript of a flow', () => {
  it('records what the bot showed and what the visitor answered, in order, numbered on', () => {
    const lines = run([{ type: 'start' }, { type: 'button', buttonId: 'b1' }, { type: 'capture', values: { name: ' Jane ', email: 'jane@example.com', phone: '' } }]);
    expect(lines).toEqual([
      { clientId: 'bot-key12345-0', at: now.toISOString(), author: 'bot', body: '**Hi**', detail: { type: 'bot_message' } },
      { clientId: 'bot-key12345-1', at: now.toISOString(), author: 'bot', body: 'Topic?', detail: { type: 'question', buttons: ['Buying', 'Help'] } },
      { clientId: 'bot-key12345-2', at: now.toISOString(), author: 'visitor', body: 'Buying', detail: { type: 'button', buttonId: 'b1' } },
      { clientId: 'bot-key12345-3', at: now.toISOString(), author: 'bot', body: 'Who?', detail: { type: 'capture', fields: ['name', 'email', 'phone'] } },
      {
        clientId: 'bot-key12345-4',
        at: now.toISOString(),
        author: 'visitor',
        body: 'Name: Jane\nEmail: jane@example.com',
        detail: { type: 'capture_values', values: [{ field: 'name', value: 'Jane' }, { field: 'email', value: 'jane@example.com' }] },
      },
      { clientId: 'bot-key12345-5', at: now.toISOString(), author: 'bot', body: 'Thanks', detail: { type: 'bot_message' } },
    ]);
  });

  it('refused answers record nothing (the engine refuses before the transcript sees them)', () => {
    const start = next(playbook, initialFlowState(), { type: 'start' }, { agentsOnline: false }, now);
    if (!start.ok) throw new Error('start refused');
    expect(next(playbook, start.state, { type: 'button', buttonId: 'nope' }, { agentsOnline: false }, now)).toMatchObject({ ok: false });
  });

  it('stops at MAX_TRANSCRIPT_LINES and cuts a body to a message\'s length', () => {
    const show = [{ kind: 'message' as const, cardId: 'x', richText: text('y'.repeat(MESSAGE_MAX_LENGTH + 50)) }];
    const [line] = transcriptLinesOf('key12345', 0, { heard: [], show }, now);
    expect(line.body).toHaveLength(MESSAGE_MAX_LENGTH);
    expect(transcriptLinesOf('key12345', MAX_TRANSCRIPT_LINES - 1, { heard: [], show: [...show, ...show] }, now).map((l) => l.clientId)).toEqual([
      `bot-key12345-${MAX_TRANSCRIPT_LINES - 1}`,
    ]);
    expect(transcriptLinesOf('key12345', MAX_TRANSCRIPT_LINES, { heard: [], show }, now)).toEqual([]);
  });
});
