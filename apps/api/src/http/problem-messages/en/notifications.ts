import type { CataloguePart } from '../catalogue.ts';

/** The texts of notifications and their channels, in English. */
export const notifications = {
  problems: {
    'notifications.not-found': {
      title: 'Notification not found',
      detail: 'No such notification, or it is not yours.',
    },
    'notifications.channel-not-set-up': {
      title: 'Channel not set up',
      detail: ({ channel }) =>
        `The ${channel === 'email' ? 'e-mail' : 'group robot'} channel is not set up: save its settings first.`,
    },
    'notifications.test-failed': {
      title: 'Test message not delivered',
      detail: ({ channel, reason }) =>
        `The ${channel === 'email' ? 'mail server' : 'group robot'} did not take the test message: ${reason}`,
    },
  },
  messages: {
    'notifications.no-address': 'Your account has no e-mail address: enter where the test should go',
  },
} as const satisfies CataloguePart;
