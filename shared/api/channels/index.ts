/** All channels of the bridge. Each capability adds its own module here. */
import type { AnyChannels, BridgeLike } from '../contract';
import { foundationChannels } from './foundation';
import { assessmentChannels } from './assessment';
import { documentsChannels } from './documents';
import { scoringChannels } from './scoring';
import { backupsChannels } from './backups';
import { papersChannels } from './papers';
import { historyChannels } from './history';
import { uploadChannels } from './upload';

export const channels = {
  ...foundationChannels,
  ...assessmentChannels,
  ...documentsChannels,
  ...scoringChannels,
  ...backupsChannels,
  ...papersChannels,
  ...historyChannels,
  ...uploadChannels,
} satisfies AnyChannels;

export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type BlocDeskBridge = BridgeLike<Channels>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
