/**
 * A page with nothing but the verification grid, for the Playwright component test and the grid
 * benchmark (bundled by grid-page.ts). The grid gets a synthetic year (window.__gridConfig: units,
 * criteria); what it reports is recorded in window.__grid.calls; askReason answers from
 * window.__grid.reasons (null when empty: the user cancelled); storing takes __gridConfig.saveMs. Accepting and changing scores update
 * the page's own copy, as the screen's storage will.
 */
import { useCallback, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { VerificationGrid, type AcceptScope, type GridScore, type ReasonRequest } from '../../../renderer/src/features/verification/VerificationGrid';
import { acceptTargets, gridLayout, scoreKey, scoresByKey } from '../../../renderer/src/features/verification/grid-model';
import { tableCriteria } from '../../../shared/domain/scoring';
import { buildSyntheticBlocData } from '../../../shared/sample/sample-bloc';
import '../../../renderer/src/styles/app.css';

export interface GridConfig {
  units: number;
  criteria: number;
  /** How long storing a score takes, in ms (a busy PC): 0 stores at once. */
  saveMs?: number;
}

export type GridCall =
  | { type: 'change'; unitId: string; code: string; value: number | null; reason: string }
  | { type: 'accept'; scope: AcceptScope }
  | { type: 'reason'; unit: string; code: string; self: number | null; previous: number | null; value: number };

declare global {
  interface Window {
    __gridConfig?: GridConfig;
    __grid: {
      calls: GridCall[];
      reasons: (string | null)[];
      times: { commit?: number; painted?: number };
      units: { id: string; code: string; name: string }[];
      /** Run a few microtasks after a store ends, before React renders again (a click landing at that moment). */
      afterSave?: () => void;
    };
  }
}

const config: GridConfig = window.__gridConfig ?? { units: 6, criteria: 12 };
const data = buildSyntheticBlocData({ units: config.units, criteria: config.criteria, years: 1, now: '2025-01-06T02:00:00.000Z' });
const table = data.scoringTables[0]!;
const criteria = tableCriteria(table);
// Self scores from a few values; the first unit's first criterion verified lower, every third criterion accepted.
const initial: GridScore[] = [];
data.units.forEach((unit, u) => {
  criteria.forEach(({ criterion }, c) => {
    const self = Math.round(criterion.max * (((u * 7 + c * 3) % 5) / 4) * 2) / 2;
    const verified = u === 0 && c === 0 ? Math.max(0, self - 0.5) : c % 3 === 2 ? self : null;
    initial.push({ unitId: unit.id, code: criterion.code, self, verified, note: c === 0 ? `Minh chứng tiêu chí ${criterion.code} của ${unit.code}` : '' });
  });
});
const layout = gridLayout(table);
window.__grid = { calls: [], reasons: [], times: {}, units: data.units.map((u) => ({ id: u.id, code: u.code, name: u.name })) };
const t0 = performance.now();

function Page() {
  const [scores, setScores] = useState(initial);
  const update = useCallback((changes: { unitId: string; code: string; value: number | null }[]) => {
    setScores((list) => {
      const byKey = new Map(changes.map((c) => [scoreKey(c.unitId, c.code), c.value]));
      return list.map((s) => (byKey.has(scoreKey(s.unitId, s.code)) ? { ...s, verified: byKey.get(scoreKey(s.unitId, s.code))! } : s));
    });
  }, []);
  const onChange = useCallback(
    async (unitId: string, code: string, value: number | null, reason: string) => {
      window.__grid.calls.push({ type: 'change', unitId, code, value, reason });
      if (config.saveMs) await new Promise((done) => setTimeout(done, config.saveMs));
      update([{ unitId, code, value }]);
      const after = window.__grid.afterSave;
      if (after) {
        window.__grid.afterSave = undefined;
        let hop = Promise.resolve();
        for (let i = 0; i < 6; i++) hop = hop.then(() => undefined);
        void hop.then(after);
      }
    },
    [update],
  );
  const onAccept = useCallback(
    (scope: AcceptScope) => {
      window.__grid.calls.push({ type: 'accept', scope });
      setScores((list) => {
        const targets = acceptTargets(scope, layout, scoresByKey(list));
        const byKey = new Map(targets.map((t) => [scoreKey(t.unitId, t.code), t.value]));
        return list.map((s) => (byKey.has(scoreKey(s.unitId, s.code)) ? { ...s, verified: byKey.get(scoreKey(s.unitId, s.code))! } : s));
      });
    },
    [],
  );
  const askReason = useCallback(async (r: ReasonRequest) => {
    window.__grid.calls.push({ type: 'reason', unit: r.unit.code, code: r.criterion.code, self: r.self, previous: r.previous, value: r.value });
    return window.__grid.reasons.length > 0 ? window.__grid.reasons.shift()! : null;
  }, []);
  useLayoutEffect(() => {
    window.__grid.times.commit = performance.now() - t0;
    // After the first frame is painted.
    requestAnimationFrame(() => setTimeout(() => (window.__grid.times.painted = performance.now() - t0), 0));
  }, []);
  return (
    <main style={{ padding: 12 }}>
      <VerificationGrid table={table} units={data.units} scores={scores} onChange={onChange} onAccept={onAccept} askReason={askReason} height="560px" />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
