import { z } from 'zod';

/**
 * The fields of the settings, without defaults: the full settings add them (SettingsSchema), a
 * patch must not (zod 4's `.partial()` keeps `.default()`, so a patch naming one field would come
 * back with every other field reset to its default).
 */
const FoldersFields = {
  export: z.string().max(1000),
  import: z.string().max(1000),
  documents: z.string().max(1000),
};
const MarginsFields = {
  top: z.number().min(20).max(25),
  bottom: z.number().min(20).max(25),
  left: z.number().min(30).max(35),
  right: z.number().min(15).max(20),
};
const SettingsFields = {
  /** Cơ quan của bộ phận thư ký (the leader unit's agency). */
  agency: z.string().max(300),
  signerName: z.string().max(120),
  signerTitle: z.string().max(120),
  secretaryName: z.string().max(120),
  folders: z.object(FoldersFields),
  /** Folder for automatic backups; empty means the default, `<app data>/backups`. */
  backupFolder: z.string().max(1000),
  /** UI font size in px. */
  fontSize: z.number().int().min(12).max(24),
  /** Optional folder holding the PC's own Times New Roman (four styles); Liberation Serif otherwise. */
  timesFontDir: z.string().max(1000),
  /** Page margins in mm for printed documents (Nghị định 30/2020 ranges). */
  margins: z.object(MarginsFields),
};

/** Settings kept by the main process (electron-store); survive restarts. */
export type Settings = z.infer<z.ZodObject<typeof SettingsFields>>;

export const DEFAULT_SETTINGS: Settings = {
  agency: '',
  signerName: '',
  signerTitle: '',
  secretaryName: '',
  folders: { export: '', import: '', documents: '' },
  backupFolder: '',
  fontSize: 15,
  timesFontDir: '',
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
};

/** Full settings: a missing field takes its default. */
export const SettingsSchema = z.object({
  agency: SettingsFields.agency.default(DEFAULT_SETTINGS.agency),
  signerName: SettingsFields.signerName.default(DEFAULT_SETTINGS.signerName),
  signerTitle: SettingsFields.signerTitle.default(DEFAULT_SETTINGS.signerTitle),
  secretaryName: SettingsFields.secretaryName.default(DEFAULT_SETTINGS.secretaryName),
  folders: z
    .object({
      export: FoldersFields.export.default(''),
      import: FoldersFields.import.default(''),
      documents: FoldersFields.documents.default(''),
    })
    .default(DEFAULT_SETTINGS.folders),
  backupFolder: SettingsFields.backupFolder.default(DEFAULT_SETTINGS.backupFolder),
  fontSize: SettingsFields.fontSize.default(DEFAULT_SETTINGS.fontSize),
  timesFontDir: SettingsFields.timesFontDir.default(DEFAULT_SETTINGS.timesFontDir),
  margins: z
    .object({
      top: MarginsFields.top.default(DEFAULT_SETTINGS.margins.top),
      bottom: MarginsFields.bottom.default(DEFAULT_SETTINGS.margins.bottom),
      left: MarginsFields.left.default(DEFAULT_SETTINGS.margins.left),
      right: MarginsFields.right.default(DEFAULT_SETTINGS.margins.right),
    })
    .default(DEFAULT_SETTINGS.margins),
});

/**
 * A partial update: only the fields it names, nested groups included (`{ folders: { export } }`
 * changes the export folder alone). No defaults, so nothing it does not name is touched.
 */
export const SettingsPatchSchema = z.object({
  ...SettingsFields,
  folders: z.object(FoldersFields).partial(),
  margins: z.object(MarginsFields).partial(),
}).partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Applies a patch: named fields replace, nested groups merge field by field. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...current, folders: { ...current.folders }, margins: { ...current.margins } };
  for (const [key, value] of definedEntries(patch)) {
    if (key === 'folders' || key === 'margins') Object.assign(next[key], Object.fromEntries(definedEntries(value as object)));
    else (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

function definedEntries(o: object): [string, unknown][] {
  return Object.entries(o).filter(([, v]) => v !== undefined);
}
