import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { Link } from 'react-router-dom';
import { PLUGIN_ID } from '../../../../shared/constants';
import type { ConversationContextResponse, ConversationDetail } from '../../../../shared/contracts/conversations';
import { useInboxApi } from '../../api/inbox';
import { useT } from '../../hooks/useT';
import { VisitorPageLine, isWebUrl } from '../components/VisitorPageLine';
import { useInboxTime, useNow } from '../format';

type Context = ConversationContextResponse['data'];

/** The visitor's clock: the time now in their IANA zone, in the admin's language. */
function localTime(now: Date, timeZone: string, locale: string | undefined): string | null {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    return null; // a zone this browser does not know: the zone's name alone is shown
  }
}

const Row = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={0} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="pi" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </Flex>
);

const WebLink = ({ url }: { url: string }) =>
  isWebUrl(url) ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  ) : (
    <>{url}</>
  );

/**
 * G2: who the agent is talking to: the page they are on (live), landing page and referrer, language,
 * device, local time, first seen and visits, and their earlier conversations the agent may see
 * (B6, filtered by the server). Reloaded when the chat or the visitor's page changes.
 */
export const VisitorContextPanel = ({ conversation }: { conversation: ConversationDetail }) => {
  const tr = useT();
  const api = useInboxApi();
  const time = useInboxTime();
  const now = useNow(30_000);
  const [context, setContext] = React.useState<Context | null>(null);
  const { documentId } = conversation;
  const pageUrl = conversation.page?.url;

  React.useEffect(() => {
    let live = true;
    api
      .context(documentId)
      .then((data) => live && setContext(data))
      .catch(() => live && setContext(null)); // the rest of the panel works without it
    return () => {
      live = false;
    };
  }, [api, documentId, pageUrl]);

  const visitor = context?.visitor ?? null;
  const device = visitor
    ? [visitor.browser, visitor.os, visitor.deviceType ? tr(`inbox.context.device.${visitor.deviceType}`, visitor.deviceType) : null]
        .filter(Boolean)
        .join(' · ')
    : '';
  const clock = visitor?.timeZone ? localTime(now, visitor.timeZone, document.documentElement.lang || undefined) : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="visitor-context">
      <Typography variant="delta" tag="h3">
        {tr('inbox.context.title', 'Visitor')}
      </Typography>
      <VisitorPageLine page={conversation.page} />
      {visitor ? (
        <>
          {clock || visitor.timeZone ? (
            <Row label={tr('inbox.context.localTime', 'Local time')} testId="visitor-local-time">
              {clock ? `${clock} (${visitor.timeZone})` : visitor.timeZone}
            </Row>
          ) : null}
          {visitor.language ? <Row label={tr('inbox.context.language', 'Language')}>{visitor.language}</Row> : null}
          {device ? (
            <Row label={tr('inbox.context.device', 'Device')} testId="visitor-device">
              {device}
            </Row>
          ) : null}
          {visitor.landingPage ? (
            <Row label={tr('inbox.context.landingPage', 'Landing page')}>
              <WebLink url={visitor.landingPage} />
            </Row>
          ) : null}
          <Row label={tr('inbox.context.referrer', 'Referrer')}>
            {visitor.referrer ? <WebLink url={visitor.referrer} /> : tr('inbox.context.direct', 'Direct (no referrer)')}
          </Row>
          {visitor.firstSeenAt ? (
            <Row label={tr('inbox.context.firstSeen', 'First seen')}>
              {time(visitor.firstSeenAt)} · {tr('inbox.context.visits', '{count, plural, one {# visit} other {# visits}}', { count: visitor.visitCount })}
            </Row>
          ) : null}
        </>
      ) : null}
      {context && context.earlierConversations.length > 0 ? (
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            {tr('inbox.context.earlier', 'Earlier conversations')}
          </Typography>
          <ul data-testid="earlier-conversations">
            {context.earlierConversations.map((other) => (
              <li key={other.documentId}>
                <Typography variant="pi">
                  <Link to={`/plugins/${PLUGIN_ID}/inbox/${other.folder}/${encodeURIComponent(other.documentId)}`}>
                    {time(other.createdAt)} · {tr(`inbox.status.${other.status}`, other.status)}
                  </Link>
                  {other.lastMessagePreview ? ` — ${other.lastMessagePreview}` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      ) : null}
    </Flex>
  );
};
