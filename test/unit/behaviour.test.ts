import { describe, expect, it } from 'vitest';
import {
	agentFactors,
	BEHAVIOUR_PARAMS,
	DEFAULT_BEHAVIOUR,
	dumpProbability,
	effortFromPressure,
	expectedQaScore,
	paramKeys,
	resolutionProbability,
	satisfactionProbability,
	scorecardBehaviour
} from '../../src/lib/core/behaviour';

const d = DEFAULT_BEHAVIOUR;
const grid = Array.from({ length: 201 }, (_, i) => i / 200);

describe('parameter table', () => {
	it('every default is inside its range, documented and sourced', () => {
		expect(BEHAVIOUR_PARAMS.length).toBeGreaterThan(15);
		for (const m of BEHAVIOUR_PARAMS) {
			expect(m.default, m.key).toBeGreaterThanOrEqual(m.min);
			expect(m.default, m.key).toBeLessThanOrEqual(m.max);
			expect(m.help.length, m.key).toBeGreaterThan(10);
			expect(m.source.length, m.key).toBeGreaterThan(10);
			expect(m.unit.length, m.key).toBeGreaterThan(0);
			if (m.integer) expect(Number.isInteger(m.default)).toBe(true);
		}
		const keys = BEHAVIOUR_PARAMS.map((m) => m.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(Object.keys(d).sort()).toEqual([...keys].sort());
		expect(paramKeys('agents').length + paramKeys('satisfaction').length + paramKeys('qa').length).toBe(
			keys.length
		);
	});
});

describe('effort, resolution, dumping', () => {
	it('effort is 1 without pressure, minEffort at full pressure, smooth and non-increasing', () => {
		expect(effortFromPressure(0, d)).toBeCloseTo(1, 12);
		expect(effortFromPressure(1, d)).toBeCloseTo(d.minEffort, 12);
		let prev = 2;
		let prevStep = 0;
		for (const p of grid) {
			const e = effortFromPressure(p, d);
			expect(e).toBeLessThanOrEqual(prev + 1e-15);
			const step = prev === 2 ? 0 : prev - e;
			// smooth: neighbouring steps differ little (no jumps)
			if (p > 0.01) expect(Math.abs(step - prevStep)).toBeLessThan(0.01);
			prevStep = step;
			prev = e;
		}
	});
	it('more pressure never raises resolution (FCR) or CSAT or QA', () => {
		let prevRes = 2;
		let prevSat = 2;
		let prevQa = 2;
		let prevDump = -1;
		for (const p of grid) {
			const e = effortFromPressure(p, d);
			const dump = dumpProbability(p, d);
			// expectations over one contact: dumped (unresolved) or not, then resolved or not
			const rp = resolutionProbability(0.85, e, 1, d);
			const res = (1 - dump) * rp;
			const sat =
				(1 - dump) *
					(rp * satisfactionProbability(20, true, 1, e, false, d) +
						(1 - rp) * satisfactionProbability(20, false, 1, e, false, d)) +
				dump * satisfactionProbability(20, false, 1, e, true, d);
			const qa = (1 - dump) * expectedQaScore(e, false, d) + dump * expectedQaScore(e, true, d);
			expect(res).toBeLessThanOrEqual(prevRes + 1e-15);
			expect(sat).toBeLessThanOrEqual(prevSat + 1e-15);
			expect(qa).toBeLessThanOrEqual(prevQa + 1e-15);
			expect(dump).toBeGreaterThanOrEqual(prevDump);
			prevRes = res;
			prevSat = sat;
			prevQa = qa;
			prevDump = dump;
		}
	});
	it('full effort gives the base resolvability; resolution is capped at 1', () => {
		expect(resolutionProbability(0.85, 1, 1, d)).toBeCloseTo(0.85, 12);
		expect(resolutionProbability(0.85, 0.5, 1, d)).toBeCloseTo(
			0.85 * Math.pow(0.5, d.resolutionElasticity),
			12
		);
		expect(resolutionProbability(0.95, 1, 1.2, d)).toBe(1);
	});
	it('dumping is 0 up to the threshold and reaches maxDumpRate at pressure 1', () => {
		expect(dumpProbability(d.dumpThreshold, d)).toBe(0);
		expect(dumpProbability(0.2, d)).toBe(0);
		expect(dumpProbability(1, d)).toBeCloseTo(d.maxDumpRate, 12);
		expect(dumpProbability(d.dumpThreshold + 0.001, d)).toBeLessThan(1e-4);
	});
	it('more speed pressure rushes more', () => {
		const ahtOnly = scorecardBehaviour(0.8, d);
		const balanced = scorecardBehaviour(0.2, d);
		expect(ahtOnly.effort).toBeLessThan(balanced.effort);
		expect(ahtOnly.resolutionFactor).toBeLessThan(balanced.resolutionFactor);
		expect(ahtOnly.dumpProbability).toBeGreaterThan(balanced.dumpProbability);
		expect(ahtOnly.qaScore).toBeLessThan(balanced.qaScore);
	});
});

describe('satisfaction', () => {
	it('falls with wait, attempts, non-resolution, rushing and dumping', () => {
		const base = satisfactionProbability(0, true, 1, 1, false, d);
		expect(base).toBeCloseTo(d.satBase, 12);
		expect(satisfactionProbability(120, true, 1, 1, false, d)).toBeLessThan(base);
		expect(satisfactionProbability(0, false, 1, 1, false, d)).toBeCloseTo(
			base * (1 - d.satUnresolvedPenalty),
			12
		);
		expect(satisfactionProbability(0, false, 1, 1, true, d)).toBeLessThan(
			satisfactionProbability(0, false, 1, 1, false, d)
		);
		expect(satisfactionProbability(0, true, 1, 0.7, false, d)).toBeLessThan(base);
		// SQM: each extra contact costs about 15 %
		expect(satisfactionProbability(0, true, 2, 1, false, d) / base).toBeCloseTo(0.85, 12);
		expect(satisfactionProbability(0, true, 3, 1, false, d) / base).toBeCloseTo(0.85 * 0.85, 12);
		let prev = 2;
		for (let w = 0; w < 1200; w += 10) {
			const s = satisfactionProbability(w, true, 1, 1, false, d);
			expect(s).toBeLessThanOrEqual(prev);
			expect(s).toBeGreaterThanOrEqual(0);
			prev = s;
		}
	});
});

describe('agents', () => {
	it('average tenured agent has factors 1 (talk-time factor has mean 1 over the spread)', () => {
		const a = agentFactors(0, false, { ...d, skillSpread: 0 });
		expect(a.workFactor).toBe(1);
		expect(a.resolveFactor).toBe(1);
		// E[exp(s Z - s^2/2)] = 1: check by quadrature over the normal density
		let m = 0;
		const dz = 0.001;
		for (let z = -8; z < 8; z += dz)
			m += ((agentFactors(z, false, d).workFactor * Math.exp((-z * z) / 2)) / Math.sqrt(2 * Math.PI)) * dz;
		expect(m).toBeCloseTo(1, 5);
	});
	it('new hires are slower and resolve less', () => {
		const t = agentFactors(0.5, false, d);
		const n = agentFactors(0.5, true, d);
		expect(n.workFactor).toBeCloseTo(t.workFactor * d.newHireSlowdown, 12);
		expect(n.resolveFactor).toBeCloseTo(t.resolveFactor * d.newHireResolution, 12);
		expect(agentFactors(-20, false, { ...d, skillResolutionSpread: 0.5 }).resolveFactor).toBe(0);
	});
});
