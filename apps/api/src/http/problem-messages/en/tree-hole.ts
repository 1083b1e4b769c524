import type { CataloguePart } from '../catalogue.ts';

/** The texts of the tree hole (情绪树洞), in English. */
export const treeHole = {
  problems: {
    'tree-hole.no-rules': {
      title: 'No tree hole yet',
      detail: ({ school }) => `The plugin of ${school} has no tree-hole rules yet: ask the center.`,
    },
    'tree-hole.not-found': {
      title: 'Tree-hole message not found',
      detail: 'It does not exist, or you may not see it.',
    },
    'tree-hole.key-refused': { title: 'This key does not open a thread', detail: 'See the reason given.' },
    'tree-hole.closed': {
      title: 'This conversation is closed',
      detail: 'The center closed it: it can still be read, not written to. Write a new message instead.',
    },
    'tree-hole.awaiting-reply': {
      title: 'The message waits for a reply',
      detail: 'Reply first: a conversation is closed only once the writer has been answered.',
    },
    'tree-hole.writer-not-revealed': {
      title: 'The writer is not revealed',
      detail:
        'Only a message the school’s plugin escalated for a safety signal names its writer, to the director.',
    },
  },
  messages: {
    'tree-hole.key-unknown': 'Unknown key: check it, or it was given to someone else',
    'tree-hole.key-used': 'This key was used: open the thread with the newest key you were given',
    'tree-hole.notice-changed': ({ version }) => `The notice changed to version ${version}: read it again`,
  },
} satisfies CataloguePart;
