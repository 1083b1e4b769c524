import { api, type Schemas } from '@xinqiao/web-kit';

/** The school's outbound channels as `GET /api/notifications/channels` answers them (secrets never included). */
export type Channels = Schemas['NotificationChannels'];
export type EmailChannel = NonNullable<Channels['email']>;
export type WebhookChannel = NonNullable<Channels['webhook']>;
export type EmailChannelInput = Schemas['EmailChannelInput'];
export type WebhookChannelInput = Schemas['WebhookChannelInput'];
export type ChannelTestResult = Schemas['NotificationChannelTestResult'];

/** The school's channels. */
export function fetchChannels(): Promise<Channels> {
  return api.GET('/api/notifications/channels');
}

/** Stores one channel's settings (`null` removes it); the other channel stays as it is. */
export function saveChannels(body: Schemas['NotificationChannelsInput']): Promise<Channels> {
  return api.PUT('/api/notifications/channels', { body });
}

/** Sends a test message by a stored channel now. */
export function sendTestMessage(body: Schemas['NotificationChannelTest']): Promise<ChannelTestResult> {
  return api.POST('/api/notifications/channels/test', { body });
}
