import { attachmentLimits, checkAttachment, DEFAULT_ATTACHMENT_TYPES, isSentMessage, precheckAttachment } from '../../../plugins/live-chat/shared/domain/attachments';
import { attachmentsOf, pluginConfigSchema } from '../../../plugins/live-chat/server/src/config';

/** G4: what a chat attachment may be, decided from the detected type; the name must agree. */
const rules = { allowedTypes: DEFAULT_ATTACHMENT_TYPES, maxBytes: 1000 };
const check = (originalName: string, detectedType: string | null, size = 10) => checkAttachment({ originalName, size, detectedType }, rules);

describe('G4 checkAttachment', () => {
  it('accepts an allowed type under a name with a matching extension, keeping the name', () => {
    expect(check('Holiday photo.JPG', 'image/jpeg')).toEqual({ ok: true, name: 'Holiday photo.jpg', mime: 'image/jpeg' });
    expect(check('report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toMatchObject({ ok: true, name: 'report.docx' });
  });

  it("gives a name without an extension the detected type's", () => {
    expect(check('notes', 'text/plain')).toEqual({ ok: true, name: 'notes.txt', mime: 'text/plain' });
    expect(check('', 'application/pdf')).toEqual({ ok: true, name: 'file.pdf', mime: 'application/pdf' });
  });

  it('refuses a name whose extension says another type (an HTML page renamed .png)', () => {
    expect(check('cat.png', 'text/plain')).toEqual({
      ok: false,
      refusal: { code: 'name_mismatch', message: "The file's content is text/plain, but its name ends in .png" },
    });
    expect(check('logo.svg', 'text/plain')).toMatchObject({ ok: false, refusal: { code: 'name_mismatch' } });
  });

  it('refuses a type off the list, naming it; unknown bytes are application/octet-stream', () => {
    expect(check('a.zip', 'application/zip')).toEqual({ ok: false, refusal: { code: 'type_not_allowed', message: 'Files of type application/zip are not accepted' } });
    expect(check('a.bin', null)).toMatchObject({ refusal: { message: 'Files of type application/octet-stream are not accepted' } });
    expect(check('a.svg', 'image/svg+xml')).toMatchObject({ refusal: { code: 'type_not_allowed' } });
    expect(checkAttachment({ originalName: 'a.png', size: 10, detectedType: 'image/png' }, { allowedTypes: ['application/pdf'], maxBytes: 1000 })).toMatchObject({
      refusal: { code: 'type_not_allowed' },
    });
  });

  it('refuses empty and oversized files', () => {
    expect(check('a.txt', 'text/plain', 0)).toMatchObject({ refusal: { code: 'empty' } });
    expect(check('a.txt', 'text/plain', 1001)).toMatchObject({ refusal: { code: 'too_large', message: 'The file is larger than 1000 bytes' } });
  });

  it('replaces characters no file system accepts, and cuts long names', () => {
    expect(check('a/b\\c:d*e?.txt', 'text/plain')).toMatchObject({ name: 'a_b_c_d_e_.txt' });
    expect(check('..hidden.txt', 'text/plain')).toMatchObject({ name: 'hidden.txt' });
    const long = check(`${'x'.repeat(300)}.pdf`, 'application/pdf');
    expect(long.ok && long.name).toBe(`${'x'.repeat(120)}.pdf`);
  });

  it('counts text and files as sent messages, events not', () => {
    expect([{ kind: 'text' }, { kind: 'file' }, { kind: 'event' }].map(isSentMessage)).toEqual([true, true, false]);
  });
});

describe('G4 what the widget checks before sending', () => {
  const limits = attachmentLimits({ allowedTypes: ['image/jpeg', 'application/pdf', 'text/html'], maxBytes: 1000 });

  it('offers the extensions of the allowed types the server can recognise, and the limit', () => {
    expect(limits).toEqual({ extensions: ['jpg', 'jpeg', 'jpe', 'pdf'], maxBytes: 1000 });
    expect(attachmentLimits({ allowedTypes: [], maxBytes: 5 }).extensions).toEqual([]);
  });

  it('refuses an empty file, a file over the limit and an extension not offered; leaves the rest to the server', () => {
    expect(precheckAttachment({ name: 'a.pdf', size: 0 }, limits)).toBe('empty');
    expect(precheckAttachment({ name: 'a.pdf', size: 1001 }, limits)).toBe('too_large');
    expect(precheckAttachment({ name: 'page.html', size: 10 }, limits)).toBe('type_not_allowed');
    expect(precheckAttachment({ name: 'README', size: 10 }, limits)).toBe('type_not_allowed');
    expect(precheckAttachment({ name: 'Photo.JPG', size: 1000 }, limits)).toBeNull();
  });
});

describe('G4 the attachments option', () => {
  it('defaults to every recognised type and 10 MB; the environment and the option narrow it', () => {
    expect(attachmentsOf({} as never, {})).toEqual({ allowedTypes: [...DEFAULT_ATTACHMENT_TYPES], maxFileSize: 10 * 1024 * 1024 });
    expect(attachmentsOf({} as never, { LIVE_CHAT_ATTACHMENT_TYPES: 'image/png, application/pdf', LIVE_CHAT_ATTACHMENT_MAX_BYTES: '5000' })).toEqual({
      allowedTypes: ['image/png', 'application/pdf'],
      maxFileSize: 5000,
    });
    expect(attachmentsOf({ attachments: { allowedTypes: [] } } as never, { LIVE_CHAT_ATTACHMENT_TYPES: 'image/png' }).allowedTypes).toEqual([]);
  });

  it('refuses a type it cannot recognise from the bytes (SVG, HTML) and a bad size', () => {
    expect(() => attachmentsOf({} as never, { LIVE_CHAT_ATTACHMENT_TYPES: 'image/svg+xml' })).toThrow();
    expect(() => attachmentsOf({} as never, { LIVE_CHAT_ATTACHMENT_MAX_BYTES: 'lots' })).toThrow();
    const base = { redisUrl: '', installationFreshnessHours: 1, superAdminSeesAll: true, waitTimeSweepMs: 1000, presenceGraceMs: 0, emailRetryBaseMs: 60_000 };
    expect(pluginConfigSchema.safeParse({ ...base, attachments: { allowedTypes: ['text/html'] } }).success).toBe(false);
    expect(pluginConfigSchema.safeParse({ ...base, attachments: { maxFileSize: 0 } }).success).toBe(false);
    expect(pluginConfigSchema.safeParse({ ...base, attachments: { allowedTypes: ['image/png'], maxFileSize: 2048 } }).success).toBe(true);
  });
});
