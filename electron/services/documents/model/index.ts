/** The format-neutral document model and its builders (see types.ts). */
export * from './types';
export * from './builders';
