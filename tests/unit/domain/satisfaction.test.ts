import {
  CSAT_DEFAULTS,
  RATING_COMMENT_MAX_LENGTH,
  mayRate,
  ratingInputSchema,
  shouldAskRating,
  type RatingSubject,
} from '../../../plugins/live-chat/shared/domain/satisfaction';

/** Issue 16 (G6): a visitor may rate a chat once it is closed, once, while the company asks for ratings. */
const closed: RatingSubject = { status: 'closed', rating: null, ratingDismissedAt: null };
const on = { enabled: true };

describe('G6 satisfaction rating: who may rate', () => {
  it('is on unless the company turns it off', () => {
    expect(CSAT_DEFAULTS).toEqual({ enabled: true });
  });

  it('lets the visitor rate a closed chat nobody answered yet, and the widget asks exactly then', () => {
    expect(mayRate(closed, on)).toBeNull();
    expect(shouldAskRating(closed, on)).toBe(true);
  });

  it.each(['unassigned', 'assigned'] as const)('refuses while the chat is %s', (status) => {
    expect(mayRate({ ...closed, status }, on)?.code).toBe('conversation_open');
    expect(shouldAskRating({ ...closed, status }, on)).toBe(false);
  });

  it('asks once: refuses after a rating, and after "no thanks"', () => {
    expect(mayRate({ ...closed, rating: 3 }, on)?.code).toBe('already_rated');
    expect(mayRate({ ...closed, ratingDismissedAt: new Date() }, on)?.code).toBe('rating_dismissed');
  });

  it('refuses everything when the company turned CSAT off, before any other reason', () => {
    expect(mayRate(closed, { enabled: false })?.code).toBe('rating_off');
    expect(mayRate({ ...closed, status: 'assigned', rating: 2 }, { enabled: false })?.code).toBe('rating_off');
  });
});

describe('G6 satisfaction rating: what a rating holds', () => {
  const parse = (input: unknown) => ratingInputSchema.safeParse(input);

  it.each([1, 2, 3, 4, 5])('takes the whole score %i', (score) => {
    expect(parse({ score })).toEqual({ success: true, data: { score, comment: null } });
  });

  it.each([0, 6, -1, 2.5, Number.NaN, '4', null])('refuses the score %p', (score) => {
    expect(parse({ score }).success).toBe(false);
  });

  it('trims the comment, and an empty one is none', () => {
    expect(parse({ score: 4, comment: '  Great help!  ' })).toEqual({ success: true, data: { score: 4, comment: 'Great help!' } });
    expect(parse({ score: 4, comment: '   ' })).toEqual({ success: true, data: { score: 4, comment: null } });
    expect(parse({ score: 4, comment: null })).toEqual({ success: true, data: { score: 4, comment: null } });
  });

  it('keeps markup as the text it is (shown escaped), and bounds its length after trimming', () => {
    expect(parse({ score: 1, comment: '<script>alert(1)</script>' })).toEqual({ success: true, data: { score: 1, comment: '<script>alert(1)</script>' } });
    expect(parse({ score: 1, comment: ` ${'a'.repeat(RATING_COMMENT_MAX_LENGTH)} ` }).success).toBe(true);
    expect(parse({ score: 1, comment: 'a'.repeat(RATING_COMMENT_MAX_LENGTH + 1) }).success).toBe(false);
  });

  it('refuses control characters, other fields and other types', () => {
    expect(parse({ score: 1, comment: 'a\u0000b' }).success).toBe(false);
    expect(parse({ score: 1, conversationId: 'x' }).success).toBe(false);
    expect(parse({ score: 1, comment: 5 }).success).toBe(false);
    expect(parse('5').success).toBe(false);
  });
});
