/** Every CLI command. Each capability adds its commands here. */
import type { Command } from '../command';
import { demoCommand } from './demo';
import { inspectCommand } from './inspect';
import { templateCommand } from './template';
import { packageInfoCommand } from './package-info';
import { documentCommand } from './document';
import { pledgeCommand } from './pledge';
import { ballotsCommand } from './ballots';
import { scoringTableCommand } from './scoring-table';
import { importCommand } from './import';
import { rankingCommand } from './ranking';
import { tallyCommand } from './tally';
import { backupCommand } from './backup';
import { backupsCommand } from './backups';

export const commands: Command[] = [
  templateCommand,
  inspectCommand,
  demoCommand,
  packageInfoCommand,
  documentCommand,
  pledgeCommand,
  scoringTableCommand,
  ballotsCommand,
  importCommand,
  rankingCommand,
  tallyCommand,
  backupCommand,
  backupsCommand,
];
