import { Flex, Typography } from '@strapi/design-system';
import type { ConversationDetail } from '../../../../shared/contracts/conversations';
import { useT } from '../../hooks/useT';
import { Stars } from '../components/TimelineEvent';
import { useInboxTime } from '../format';

/** Issue 16 (G6): the visitor's satisfaction rating in the side panel: score, comment and when. */
export const RatingSummary = ({ rating }: { rating: NonNullable<ConversationDetail['rating']> }) => {
  const tr = useT();
  const time = useInboxTime();
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="side-panel-rating">
      <Typography variant="sigma" textColor="neutral600">
        {tr('sidePanel.rating', 'Satisfaction rating')}
      </Typography>
      <Typography variant="pi">
        <Stars score={rating.score} /> {tr('sidePanel.ratingScore', '{score} out of 5', { score: rating.score })} ·{' '}
        <time dateTime={rating.ratedAt}>{time(rating.ratedAt)}</time>
      </Typography>
      {rating.comment ? (
        <Typography variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {rating.comment}
        </Typography>
      ) : null}
    </Flex>
  );
};
