import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_PARAMS, DEFAULT_BEHAVIOUR } from '../../src/lib/core/behaviour';
import { CALIBRATED } from '../../src/lib/core/calibrated';
import { bandLoss, CALIBRATION_BANDS, fitBands } from '../../src/lib/core/calibration';
import { prepareScenario, runReplication } from '../../src/lib/core/replication';
import { parseScenario } from '../../src/lib/core/schema/scenario';

const parsed = parseScenario(JSON.parse(readFileSync('scenarios/ecommerce-case.json', 'utf8')));
if (!parsed.ok) throw new Error('the e-commerce preset does not parse');
const preset = parsed.scenario;

describe('calibration', () => {
	it('the fitted defaults are the ones written by npm run calibrate, used by the preset and marked in the app', () => {
		for (const [key, value] of Object.entries(CALIBRATED)) {
			expect(DEFAULT_BEHAVIOUR[key as keyof typeof CALIBRATED], key).toBe(value);
			expect(preset.assumptions.behaviour[key as keyof typeof CALIBRATED], key).toBe(value);
		}
		const marked = BEHAVIOUR_PARAMS.filter((m) => m.calibrated).map((m) => m.key);
		expect(marked.sort()).toEqual(Object.keys(CALIBRATED).sort());
		for (const m of BEHAVIOUR_PARAMS.filter((p) => p.calibrated))
			expect(m.source, m.key).toMatch(/^Illustrative, calibrated to /);
	});

	it('band loss is 0 only inside every band and grows outside', () => {
		const at = (pick: (lo: number, hi: number, point?: number) => number) =>
			bandLoss(
				CALIBRATION_BANDS.map((band) => ({
					band,
					mean: pick(band.lo, band.hi, band.point),
					ci95: [0, 0] as [number, number],
					inside: true,
					plausible: true
				}))
			);
		const centre = at((lo, hi, p) => p ?? (lo + hi) / 2);
		expect(centre).toBeLessThan(1e-12);
		expect(at((lo, hi) => hi + 0.1 * (hi - lo))).toBeGreaterThan(1);
		expect(at((lo, hi) => lo - 0.5 * (hi - lo))).toBeGreaterThan(at((lo, hi) => lo - 0.1 * (hi - lo)));
	});

	// Out of sample: a seed the calibration did not use. Each band's 95 % interval over the
	// replications must overlap the band (the simulation does not reject the field's evidence).
	it('the e-commerce case as planned lands in every calibration band (fixed seed)', () => {
		const prep = prepareScenario({ ...preset, seed: 'calibration-check' });
		const rows: Array<[Float64Array, Float64Array]> = [];
		for (let r = 0; r < 6; r++) {
			const out = runReplication(prep, r);
			rows.push([out.drafts[0].scalars, out.drafts[1].scalars]);
		}
		for (const f of fitBands(rows))
			expect(
				f.plausible,
				`${f.band.label}: ${f.mean.toFixed(3)} [${f.ci95[0].toFixed(3)}, ${f.ci95[1].toFixed(3)}] vs ${f.band.lo}-${f.band.hi}`
			).toBe(true);
	}, 240_000);
});
