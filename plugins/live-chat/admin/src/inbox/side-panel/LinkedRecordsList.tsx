import { Flex, Link, Typography } from '@strapi/design-system';
import { Briefcase, Feather, User } from '@strapi/icons';
import { NavLink } from 'react-router-dom';
import { uid } from '../../../../shared/constants';
import type { CrmRecordRef } from '../../../../shared/contracts/crm';
import { useT } from '../../hooks/useT';
import type { LinkedRecords } from './useLinkedRecords';

/** The Content Manager's edit view of a record: leads, deals, persons and organizations are plain collection types. */
const editUrl = (type: 'lead' | 'deal' | 'person' | 'organization', documentId: string) =>
  `/content-manager/collection-types/${uid(type)}/${documentId}`;

const RecordLink = ({ record }: { record: CrmRecordRef }) => (
  <Link tag={NavLink} to={editUrl(record.kind, record.documentId)} startIcon={record.kind === 'deal' ? <Briefcase /> : <Feather />}>
    {record.title}
  </Link>
);

/** C2: what the conversation is linked to, each opening its record in the Content Manager. */
export const LinkedRecordsList = ({ records }: { records: LinkedRecords | null }) => {
  const tr = useT();
  if (!records) return null;
  const { person, organization, leads, deals } = records;
  if (!person && !organization && leads.length === 0 && deals.length === 0) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="section" aria-label={tr('sidePanel.linked', 'Linked records')}>
      <Typography variant="sigma" textColor="neutral600">
        {tr('sidePanel.linked', 'Linked records')}
      </Typography>
      {person && (
        <Flex gap={2}>
          <Typography variant="pi" textColor="neutral600">{tr('sidePanel.linked.person', 'Person')}</Typography>
          <Link tag={NavLink} to={editUrl('person', person.documentId)} startIcon={<User />}>
            {person.name ?? tr('sidePanel.linked.unnamed', 'Unnamed')}
          </Link>
        </Flex>
      )}
      {organization && (
        <Flex gap={2}>
          <Typography variant="pi" textColor="neutral600">{tr('sidePanel.linked.organization', 'Organization')}</Typography>
          <Link tag={NavLink} to={editUrl('organization', organization.documentId)}>
            {organization.name ?? tr('sidePanel.linked.unnamed', 'Unnamed')}
          </Link>
        </Flex>
      )}
      {leads.length > 0 && (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" textColor="neutral600">{tr('sidePanel.linked.leads', 'Leads')}</Typography>
          {leads.map((lead) => <RecordLink key={lead.documentId} record={lead} />)}
        </Flex>
      )}
      {deals.length > 0 && (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" textColor="neutral600">{tr('sidePanel.linked.deals', 'Deals')}</Typography>
          {deals.map((deal) => <RecordLink key={deal.documentId} record={deal} />)}
        </Flex>
      )}
    </Flex>
  );
};
