/**
 * Unsaved edits: every form with a draft registers here (`useUnsaved`, or for free through
 * `useZodForm`), and whatever would drop a draft (switching section, year or bloc, closing a dialog
 * or the window) first calls `confirmLeave()`, which asks "Lưu / Bỏ thay đổi / Ở lại" when
 * something registered is dirty. Registries nest: a dialog has its own scope (its × asks only about
 * its own form) whose entries the app-wide registry also sees.
 */
import { createContext, useContext, useEffect, useId, useRef } from 'react';

export interface UnsavedEntry {
  /** What is being edited, for the question ("quy chế bình xét năm 2024"). */
  label: string;
  dirty: boolean;
  /** Saves the draft; false when it could not be saved (its errors are then shown). */
  save(): Promise<boolean>;
  /** Puts the saved values back. */
  discard(): void;
}

export type LeaveChoice = 'save' | 'discard' | null;
/** Asks the user about these dirty entries; null means "Ở lại". */
export type AskLeave = (entries: UnsavedEntry[]) => Promise<LeaveChoice>;

/** Acts on the user's choice: true when the drafts are saved or dropped and the user may leave. */
export async function settleUnsaved(entries: UnsavedEntry[], ask: AskLeave): Promise<boolean> {
  const dirty = entries.filter((e) => e.dirty);
  if (dirty.length === 0) return true;
  const choice = await ask(dirty);
  if (choice === 'discard') {
    for (const e of dirty) e.discard();
    return true;
  }
  if (choice === 'save') {
    for (const e of dirty) if (!(await e.save())) return false;
    return true;
  }
  return false;
}

export class UnsavedRegistry {
  private readonly entries = new Map<string, () => UnsavedEntry>();
  /** The question being asked, so a second request (a second click on ×) does not stack another. */
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly ask: AskLeave,
    private readonly parent: UnsavedRegistry | null = null,
  ) {}

  /** A child scope (a dialog): sees only what registers inside it; the parent sees that too. */
  scope(): UnsavedRegistry {
    return new UnsavedRegistry(this.ask, this);
  }

  register(id: string, entry: () => UnsavedEntry): () => void {
    this.entries.set(id, entry);
    const undo = this.parent?.register(id, entry);
    return () => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
      undo?.();
    };
  }

  hasUnsaved(): boolean {
    return [...this.entries.values()].some((e) => e().dirty);
  }

  /** True when nothing here is unsaved, or the user saved or dropped it; false to stay. */
  confirmLeave(): Promise<boolean> {
    return this.settle([...this.entries.values()].map((e) => e()));
  }

  /** Asks about these entries (one question at a time). */
  settle(entries: UnsavedEntry[]): Promise<boolean> {
    if (this.pending) return this.pending;
    if (!entries.some((e) => e.dirty)) return Promise.resolve(true);
    this.pending = settleUnsaved(entries, this.ask).finally(() => (this.pending = null));
    return this.pending;
  }
}

/** Without a provider (tests, isolated screens) nothing is ever asked. */
const NO_ASK: AskLeave = async () => 'discard';
export const UnsavedContext = createContext<UnsavedRegistry>(new UnsavedRegistry(NO_ASK));

export function useUnsavedRegistry(): UnsavedRegistry {
  return useContext(UnsavedContext);
}

/**
 * Registers a draft with the nearest registry for as long as the component is mounted; the
 * values are read when a question comes, so the entry may change on every render. Returns the
 * question for this draft alone (e.g. for a "Huỷ" button or switching versions inside a screen).
 */
export function useUnsaved(entry: UnsavedEntry): () => Promise<boolean> {
  const registry = useUnsavedRegistry();
  const id = useId();
  const latest = useRef(entry);
  latest.current = entry;
  useEffect(() => registry.register(id, () => latest.current), [registry, id]);
  const registryRef = useRef(registry);
  registryRef.current = registry;
  return useRef(() => registryRef.current.settle([latest.current])).current;
}
