/**
 * The editable prose of a drafted document: named fields (dates, times, place, names) and sections
 * of text under a title. Each kind has a default draft built from the data (a pure function of
 * this folder); the user edits it, the screen stores it, and the document prints what it says.
 * Figures (tables, counts, votes) are never in the draft: they are read from the data at print time.
 */
import { z } from 'zod';

export const DraftSectionSchema = z.object({
  key: z.string().min(1).max(60),
  title: z.string().max(300),
  text: z.string().max(20_000),
});
export type DraftSection = z.infer<typeof DraftSectionSchema>;

export const DocumentDraftSchema = z.object({
  fields: z.record(z.string().min(1).max(60), z.string().max(3000)),
  sections: z.array(DraftSectionSchema).max(80),
});
export type DocumentDraft = z.infer<typeof DocumentDraftSchema>;

/**
 * The draft to print: the default with the given one laid over it. A given field replaces the
 * default's; a given section replaces the default section of the same key (its title too when
 * given) and keeps the default's place; sections the user added come after, in their order.
 */
export function resolveDraft(defaults: DocumentDraft, given?: DocumentDraft | null): DocumentDraft {
  if (!given) return defaults;
  const byKey = new Map(given.sections.map((s) => [s.key, s]));
  const known = new Set(defaults.sections.map((s) => s.key));
  return {
    fields: { ...defaults.fields, ...given.fields },
    sections: [
      ...defaults.sections.map((s) => {
        const g = byKey.get(s.key);
        return g ? { key: s.key, title: g.title.trim() ? g.title : s.title, text: g.text } : s;
      }),
      ...given.sections.filter((s) => !known.has(s.key)),
    ],
  };
}

/** A field's value, trimmed ('' when absent). */
export function fieldOf(draft: DocumentDraft, key: string): string {
  return (draft.fields[key] ?? '').trim();
}

/** A section by key, or undefined. */
export function sectionOf(draft: DocumentDraft, key: string): DraftSection | undefined {
  return draft.sections.find((s) => s.key === key);
}

/** Paragraphs of a typed text: one per non-blank line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Lines of a multi-line field (recipients, guests): one per non-blank line. */
export const linesOf = paragraphsOf;
