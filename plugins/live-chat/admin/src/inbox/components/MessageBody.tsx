import { Typography } from '@strapi/design-system';
import * as React from 'react';
import type { RichInline } from '../../../../shared/domain/rich-text';
import { chatMessageBlocks } from '../../../../shared/domain/rich-text-markup';

/**
 * A chat message's body: its markup (bold, italic, links, bulleted lists, the widget's subset)
 * parsed and then narrowed by the shared allow-list (A4) into React elements. No HTML string is
 * ever injected, and images, allowed in playbook messages, are not part of a chat message.
 */
export const MessageBody = ({ body }: { body: string }) => {
  const blocks = React.useMemo(() => chatMessageBlocks(body), [body]);
  return (
    <Typography tag="div" variant="omega" textColor="inherit" style={{ overflowWrap: 'anywhere' }}>
      {blocks.map((block, index) => {
        if (block.type === 'paragraph') {
          return (
            <p key={index} style={{ margin: 0 }}>
              <Inline nodes={block.children} />
            </p>
          );
        }
        if (block.type === 'list') {
          return (
            <ul key={index} style={{ margin: 0, paddingLeft: '1.25em', listStyle: 'disc' }}>
              {block.children.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <Inline nodes={item.children} />
                </li>
              ))}
            </ul>
          );
        }
        return null;
      })}
    </Typography>
  );
};

const Inline = ({ nodes }: { nodes: RichInline[] }) => (
  <>
    {nodes.map((node, index) => {
      if (node.type === 'link') {
        return (
          <a key={index} href={node.url} target="_blank" rel="noopener noreferrer nofollow" style={{ color: 'inherit', textDecoration: 'underline' }}>
            <Inline nodes={node.children} />
          </a>
        );
      }
      let text: React.ReactNode = node.text;
      if (node.italic) text = <em>{text}</em>;
      if (node.bold) text = <strong>{text}</strong>;
      return <React.Fragment key={index}>{text}</React.Fragment>;
    })}
  </>
);
