/** Every CLI command. Each capability adds its commands here. */
import type { Command } from '../command';
import { demoCommand } from './demo';
import { packageInfoCommand } from './package-info';

export const commands: Command[] = [
  demoCommand,
  packageInfoCommand,
];
