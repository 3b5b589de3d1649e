import { z } from 'zod';

/** Settings kept by the main process (electron-store); survive restarts. */
export const SettingsSchema = z.object({
  /** Cơ quan của bộ phận thư ký (the leader unit's agency). */
  agency: z.string().max(300).default(''),
  signerName: z.string().max(120).default(''),
  signerTitle: z.string().max(120).default(''),
  secretaryName: z.string().max(120).default(''),
  folders: z
    .object({
      export: z.string().max(1000).default(''),
      import: z.string().max(1000).default(''),
      documents: z.string().max(1000).default(''),
    })
    .default({ export: '', import: '', documents: '' }),
  /** Folder for automatic backups; empty means the default, `<app data>/backups`. */
  backupFolder: z.string().max(1000).default(''),
  /** UI font size in px. */
  fontSize: z.number().int().min(12).max(24).default(15),
  /** Optional path to the PC's own Times New Roman (regular); Liberation Serif otherwise. */
  timesFontDir: z.string().max(1000).default(''),
  /** Page margins in mm for printed documents (Nghị định 30/2020 ranges). */
  margins: z
    .object({
      top: z.number().min(20).max(25).default(20),
      bottom: z.number().min(20).max(25).default(20),
      left: z.number().min(30).max(35).default(30),
      right: z.number().min(15).max(20).default(15),
    })
    .default({ top: 20, bottom: 20, left: 30, right: 15 }),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
