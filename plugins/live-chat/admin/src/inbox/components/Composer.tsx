import { Box, Button, Flex, IconButton, Textarea, Typography } from '@strapi/design-system';
import { Bold, BulletList, Italic, Link, PaperPlane, Paperclip } from '@strapi/icons';
import * as React from 'react';
import type { MessageAudience } from '../../../../shared/constants';
import { MESSAGE_MAX_LENGTH } from '../../../../shared/domain/messaging';
import { useT } from '../../hooks/useT';
import { apiProblem } from '../../api/problem';
import { CannedReplyPicker } from '../canned/CannedReplyPicker';
import { useCannedReplyPicker, type CannedReplySource } from '../canned/useCannedReplyPicker';
import { applyMarkup, type MarkupCommand } from '../state/composer-markup';

interface Props {
  onSend: (body: string, audience: MessageAudience) => void;
  onTyping: () => void;
  /** Whether the agent may reply to the visitor (B3, B8); a note is open to every agent who sees the chat (G3). */
  canReply: boolean;
  /** G3: where `/` finds canned replies and what their placeholders become; without it, no picker. */
  cannedReplies?: CannedReplySource;
  /** G4: sends a file; rejects with the server's reason (type, size …). */
  onAttach: (file: File) => Promise<void>;
}

type Mode = 'reply' | 'note';

/**
 * The reply box (E2, E3): the widget's rich-text subset (bold, italic, links, bulleted lists) as
 * markup with formatting buttons; Enter sends, Shift+Enter starts a new line. Reply | Note (G3):
 * a note, on a yellow ground, goes to the agents only, and typing it tells the visitor nothing.
 */
/** The composer's keyboard hint, which the textarea names as its description. */
const HINT_ID = 'live-chat-composer-hint';

export const Composer = ({ onSend, onTyping, onAttach, canReply, cannedReplies }: Props) => {
  const tr = useT();
  const [text, setText] = React.useState('');
  const [chosen, setChosen] = React.useState<Mode>('reply');
  const mode: Mode = canReply ? chosen : 'note';
  const area = React.useRef<HTMLTextAreaElement>(null);
  const picker = useCannedReplyPicker({ source: cannedReplies, text, setText, area });
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [upload, setUpload] = React.useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const attach = async (file: File) => {
    setUpload({ busy: true, error: null });
    try {
      await onAttach(file);
      setUpload({ busy: false, error: null });
    } catch (e) {
      setUpload({ busy: false, error: apiProblem(e).message });
    }
  };

  const submit = () => {
    const body = text.trim();
    if (body === '' || body.length > MESSAGE_MAX_LENGTH) return;
    onSend(body, mode === 'note' ? 'agents' : 'everyone');
    setText('');
  };

  const format = (command: MarkupCommand) => {
    const element = area.current;
    if (!element) return;
    const edit = applyMarkup(command, text, element.selectionStart, element.selectionEnd);
    setText(edit.text);
    // The selection is restored after React wrote the new value.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    });
  };

  const tools: Array<{ command: MarkupCommand; label: string; icon: React.ReactNode }> = [
    { command: 'bold', label: tr('inbox.composer.bold', 'Bold'), icon: <Bold /> },
    { command: 'italic', label: tr('inbox.composer.italic', 'Italic'), icon: <Italic /> },
    { command: 'link', label: tr('inbox.composer.link', 'Link'), icon: <Link /> },
    { command: 'list', label: tr('inbox.composer.list', 'Bulleted list'), icon: <BulletList /> },
  ];
  const tooLong = text.length > MESSAGE_MAX_LENGTH;

  const note = mode === 'note';
  const modeButton = (value: Mode, label: string, disabled = false) => (
    <Button
      size="S"
      variant={mode === value ? (value === 'note' ? 'secondary' : 'default') : 'tertiary'}
      aria-pressed={mode === value}
      disabled={disabled}
      onClick={() => {
        setChosen(value);
        area.current?.focus();
      }}
    >
      {label}
    </Button>
  );

  return (
    <Box
      padding={3}
      borderColor={note ? 'warning200' : 'neutral150'}
      borderStyle="solid"
      borderWidth="1px 0 0 0"
      background={note ? 'warning100' : 'neutral0'}
      data-composer-mode={mode}
    >
      <Flex gap={1} paddingBottom={2}>
        <Flex gap={1} role="group" aria-label={tr('inbox.composer.mode', 'Write a reply or an internal note')} paddingRight={2}>
          {modeButton('reply', tr('inbox.composer.reply', 'Reply'), !canReply)}
          {modeButton('note', tr('inbox.composer.note', 'Note'))}
        </Flex>
        {tools.map((tool) => (
          <IconButton key={tool.command} label={tool.label} variant="ghost" size="S" onClick={() => format(tool.command)}>
            {tool.icon}
          </IconButton>
        ))}
        {/* A file always goes to the visitor (G4): there is no internal file, so none in Note mode. */}
        {note ? null : (
          <>
            <IconButton
              label={tr('inbox.composer.attach', 'Attach a file')}
              variant="ghost"
              size="S"
              disabled={upload.busy}
              onClick={() => fileInput.current?.click()}
            >
              <Paperclip />
            </IconButton>
            <input
              ref={fileInput}
              type="file"
              hidden
              data-testid="composer-file"
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void attach(file);
              }}
            />
          </>
        )}
      </Flex>
      <Flex gap={2} alignItems="flex-end">
        <Box flex="1" position="relative">
          <CannedReplyPicker picker={picker} />
          <Textarea
            ref={area}
            name="message"
            {...picker.inputProps}
            aria-label={note ? tr('inbox.composer.noteLabel', 'Internal note') : tr('inbox.composer.label', 'Your reply')}
            // Short enough for one line at 1280×800; the keys are in the hint under the composer.
            placeholder={note ? tr('inbox.composer.notePlaceholder', 'Write an internal note…') : tr('inbox.composer.placeholder', 'Write a reply…')}
            aria-describedby={HINT_ID}
            value={text}
            hasError={tooLong}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
              setText(e.target.value);
              picker.onCaretChange(e.target.selectionStart);
              // The visitor sees "typing…" for replies only: a note is none of their business.
              if (!note) onTyping();
            }}
            onSelect={(e: React.SyntheticEvent<HTMLTextAreaElement>) => picker.onCaretChange(e.currentTarget.selectionStart)}
            onKeyDown={(e: React.KeyboardEvent<HTMLTextAreaElement>) => {
              if (picker.onKeyDown(e)) return;
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                submit();
              }
            }}
            style={{ minHeight: '64px' }}
          />
        </Box>
        <Button startIcon={<PaperPlane />} variant={note ? 'secondary' : 'default'} onClick={submit} disabled={text.trim() === '' || tooLong}>
          {note ? tr('inbox.composer.addNote', 'Add note') : tr('inbox.composer.send', 'Send')}
        </Button>
      </Flex>
      <Typography id={HINT_ID} variant="pi" textColor="neutral600">
        {note
          ? tr('inbox.composer.noteHint', 'Only agents see notes · Enter adds it · Shift+Enter: new line')
          : tr('inbox.composer.hint', 'Enter sends · Shift+Enter: new line · / canned replies')}
      </Typography>
      {upload.busy ? (
        <Typography variant="pi" textColor="neutral600" data-testid="composer-upload">
          {tr('inbox.composer.uploading', 'Sending the file…')}
        </Typography>
      ) : null}
      {upload.error ? (
        <Typography variant="pi" textColor="danger600" data-testid="composer-upload-error">
          {tr('inbox.composer.uploadFailed', 'The file was not sent: {reason}', { reason: upload.error })}
        </Typography>
      ) : null}
      {tooLong ? (
        <Typography variant="pi" textColor="danger600">
          {tr('inbox.composer.tooLong', 'A message can be at most {max} characters', { max: MESSAGE_MAX_LENGTH })}
        </Typography>
      ) : null}
    </Box>
  );
};
