import { Box, Button, Flex, IconButton, Textarea, Typography } from '@strapi/design-system';
import { Bold, BulletList, Italic, Link, PaperPlane, Paperclip } from '@strapi/icons';
import * as React from 'react';
import { MESSAGE_MAX_LENGTH } from '../../../../shared/domain/messaging';
import { useT } from '../../hooks/useT';
import { apiProblem } from '../../api/problem';
import { applyMarkup, type MarkupCommand } from '../state/composer-markup';

interface Props {
  onSend: (body: string) => void;
  onTyping: () => void;
  /** G4: sends a file; rejects with the server's reason (type, size …). */
  onAttach: (file: File) => Promise<void>;
}

/**
 * The reply box (E2, E3): the widget's rich-text subset (bold, italic, links, bulleted lists) as
 * markup with formatting buttons; Enter sends, Shift+Enter starts a new line.
 */
export const Composer = ({ onSend, onTyping, onAttach }: Props) => {
  const tr = useT();
  const [text, setText] = React.useState('');
  const area = React.useRef<HTMLTextAreaElement>(null);
  const picker = React.useRef<HTMLInputElement>(null);
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
    onSend(body);
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

  return (
    <Box padding={3} borderColor="neutral150" borderStyle="solid" borderWidth="1px 0 0 0" background="neutral0">
      <Flex gap={1} paddingBottom={2}>
        {tools.map((tool) => (
          <IconButton key={tool.command} label={tool.label} variant="ghost" size="S" onClick={() => format(tool.command)}>
            {tool.icon}
          </IconButton>
        ))}
        <IconButton
          label={tr('inbox.composer.attach', 'Attach a file')}
          variant="ghost"
          size="S"
          disabled={upload.busy}
          onClick={() => picker.current?.click()}
        >
          <Paperclip />
        </IconButton>
        <input
          ref={picker}
          type="file"
          hidden
          data-testid="composer-file"
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void attach(file);
          }}
        />
      </Flex>
      <Flex gap={2} alignItems="flex-end">
        <Box flex="1">
          <Textarea
            ref={area}
            name="message"
            aria-label={tr('inbox.composer.label', 'Your reply')}
            placeholder={tr('inbox.composer.placeholder', 'Write a reply… (Enter sends, Shift+Enter for a new line)')}
            value={text}
            hasError={tooLong}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
              setText(e.target.value);
              onTyping();
            }}
            onKeyDown={(e: React.KeyboardEvent<HTMLTextAreaElement>) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                submit();
              }
            }}
            style={{ minHeight: '64px' }}
          />
        </Box>
        <Button startIcon={<PaperPlane />} onClick={submit} disabled={text.trim() === '' || tooLong}>
          {tr('inbox.composer.send', 'Send')}
        </Button>
      </Flex>
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
