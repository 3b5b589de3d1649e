import { z } from 'zod';
import { channel } from '../contract';
import { BlocDataSchema } from '../../model/records';
import { SettingsPatchSchema, type Settings } from '../../model/settings';
import type { PackagePreview } from '../../package/format';
import type { SheetedBlocData } from '../../model/score-sheets';
import { UploadIdSchema } from './upload';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  packageFormatVersion: number;
  platform: string;
}

/** The settings that hold a folder: the three default folders and the Times New Roman folder. */
export const SettingsFolderPurposeSchema = z.enum(['export', 'import', 'documents', 'backups', 'timesFont']);
export type SettingsFolderPurpose = z.infer<typeof SettingsFolderPurposeSchema>;

export const FileBytesSchema = z.object({
  name: z.string().min(1).max(400),
  bytes: z.instanceof(Uint8Array),
});
export type FileBytes = z.infer<typeof FileBytesSchema>;

/**
 * A handover package read and fully validated in main, ready for the renderer to apply: its scores
 * as the score sheets this PC stores (made once, in main), the other kinds as records.
 */
export interface OpenedPackage {
  preview: PackagePreview;
  data: SheetedBlocData;
}

export const foundationChannels = {
  'app.info': channel<AppInfo>()(z.tuple([])),
  'settings.get': channel<{ settings: Settings; notice: string | null }>()(z.tuple([])),
  /** Changes only the fields named; a Times New Roman folder without its four fonts is refused. */
  'settings.update': channel<Settings>()(z.tuple([SettingsPatchSchema])),
  /**
   * Asks for a folder for one of the settings (opening at `current`); null when cancelled. A
   * Times New Roman folder without its four fonts is refused with a message naming what is missing.
   */
  'settings.pickFolder': channel<{ path: string } | null>()(
    z.tuple([z.object({ purpose: SettingsFolderPurposeSchema, current: z.string().max(1000).default('') })]),
  ),
  /**
   * Finishes the package of a bloc sent in parts (`blocUpload.*`), asks where to save it
   * (remembering the folder), writes it atomically.
   */
  'handover.export': channel<{ path: string; bytes: number } | null>()(
    z.tuple([z.object({ upload: UploadIdSchema, createdBy: z.string().max(300) })]),
  ),
  /**
   * Writes the bloc as a package into the backups folder (the automatic backups' folder), without a dialog:
   * done before "Thay thế" replaces it with an imported package. Returns where it went.
   */
  'handover.backup': channel<{ path: string; bytes: number }>()(
    z.tuple([z.object({ data: BlocDataSchema, createdBy: z.string().max(300) })]),
  ),
  /** Asks for a *.blocdesk file and reads it; null when the user cancels. */
  'handover.open': channel<OpenedPackage | null>()(z.tuple([])),
  /** Reads a package given as bytes (dropped on the window). */
  'handover.read': channel<OpenedPackage>()(z.tuple([FileBytesSchema])),
  /** Saves bytes through a save dialog that remembers the folder; null when cancelled. */
  'file.save': channel<{ path: string } | null>()(
    z.tuple([
      z.object({
        bytes: z.instanceof(Uint8Array),
        suggestedName: z.string().min(1).max(200),
        folder: z.enum(['documents', 'export']),
      }),
    ]),
  ),
  /** Opens a PDF for printing in the PC's PDF reader (Electron's viewer when there is none). */
  'file.print': channel<{ printed: boolean }>()(z.tuple([z.object({ pdf: z.instanceof(Uint8Array) })])),
};
