/** All channels of the bridge. Each capability adds its own module here. */
import type { AnyChannels, BridgeLike } from '../contract';
import { foundationChannels } from './foundation';

export const channels = {
  ...foundationChannels,
} satisfies AnyChannels;

export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type BlocDeskBridge = BridgeLike<Channels>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
