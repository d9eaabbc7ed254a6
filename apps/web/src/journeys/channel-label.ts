import type { Channel } from '@throughline/domain';

const CHANNEL_LABEL: Record<Channel, string> = {
  web: 'Web',
  app: 'App',
  phone: 'Phone',
  email: 'Email',
  chat: 'Chat',
  sms: 'SMS',
  post: 'Post',
  in_person: 'In person',
  partner: 'Partner',
};

export function channelLabel(channel: Channel): string {
  return CHANNEL_LABEL[channel];
}
