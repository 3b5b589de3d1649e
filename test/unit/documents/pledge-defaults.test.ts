import { describe, expect, it } from 'vitest';
import { PledgeSchema } from '../../../shared/model/records';
import { defaultPledge, defaultPledgeColumns } from '../../../shared/domain/pledge-defaults';
import { blocFixture } from './fixtures';

describe('defaultPledge', () => {
  it('fills a valid pledge from the year: title, căn cứ lines, commitments, place, members', () => {
    const data = blocFixture({ units: 8 });
    const pledge = defaultPledge(data, 2026, '2026-02-10T03:00:00.000Z');
    expect(PledgeSchema.parse(pledge)).toEqual(pledge);
    expect(pledge.title).toBe('BẢN GIAO ƯỚC THI ĐUA NĂM 2026');
    expect(pledge.legalBasis).toEqual(data.years[0]!.rules.legalBasis);
    expect(pledge.legalBasis).not.toBe(data.years[0]!.rules.legalBasis);
    expect(pledge.commitments.length).toBeGreaterThanOrEqual(5);
    expect(pledge.commitments.length).toBeLessThanOrEqual(7);
    expect(pledge.commitments.join(' ')).toContain('năm 2026');
    expect(pledge.commitments.join(' ')).not.toContain('{year}');
    expect(pledge.intro).toContain(data.bloc.name);
    expect(pledge.place).toBe('Hà Nam');
    expect(pledge.date).toBe('2026-02-10');
    expect(pledge.unitIds).toEqual(data.years[0]!.memberUnitIds);
    expect(pledge.columns).toBe(3);
    expect(pledge.witness).toBeNull();
  });

  it('dates a pledge signed the year before (year-end conference) today, a past year on 1 March', () => {
    const data = blocFixture({ units: 4, year: 2026 });
    expect(defaultPledge(data, 2026, '2025-12-20T09:00:00Z').date).toBe('2025-12-20');
    expect(defaultPledge(data, 2026, '2028-05-01T09:00:00Z').date).toBe('2026-03-01');
  });

  it('takes the active units in order when the year is not set up, and picks 2 columns for small blocs', () => {
    const data = blocFixture({ units: 5 });
    data.units[4]!.active = false;
    data.units.reverse();
    const pledge = defaultPledge(data, 2027, '2027-03-01T00:00:00Z');
    expect(pledge.unitIds).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(pledge.columns).toBe(2);
    expect(pledge.legalBasis.length).toBeGreaterThan(0);
    expect(defaultPledgeColumns(6)).toBe(2);
    expect(defaultPledgeColumns(7)).toBe(3);
  });
});
