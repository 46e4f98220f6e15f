/**
 * The field evidence the behaviour defaults are calibrated to (`npm run calibrate`, and a test that
 * keeps them): the e-commerce case as planned (scenarios/ecommerce-case.json), AHT-only (draft 0)
 * against Balanced (draft 1), on the same customers.
 *
 * - Seed 000 (the product's story): from AHT-only to a balanced scorecard, repeat contacts fell 31 %
 *   and CSAT rose 22 % within 90 days. Bands: relative drop of the repeat-contact rate 25-40 %,
 *   relative rise of measured CSAT 15-30 %.
 * - Industry ranges (MODEL.md, SQM Group): abandonment at most 10 % (typical 3-8 %), occupancy 75-90 %
 *   (typical 80-88 %) for both drafts; true FCR 58-72 % under AHT-only (below SQM's "good" band,
 *   about telecom's 61 %) and 72-85 % under Balanced (SQM: good 70-79 %, retail 78 %).
 *
 * Each band is judged on the mean over replications, with its 95 % interval (paired per
 * replication for the two ratios).
 */
import { METRIC_INDEX, type MetricKey } from './metrics';
import { Welford } from './stats';

export interface Band {
	key: string;
	label: string;
	lo: number;
	hi: number;
	/** The point the evidence names, when it names one (seed 000's -31 % and +22 %). */
	point?: number;
	/** The statistic of one replication from the two drafts' scalar rows. */
	of(ahtOnly: Float64Array, balanced: Float64Array): number;
}

const v = (row: Float64Array, key: MetricKey) => row[METRIC_INDEX[key]];

export const CALIBRATION_BANDS: readonly Band[] = [
	{
		key: 'repeatDrop',
		label: 'Repeat-contact rate, relative drop AHT-only -> Balanced',
		lo: 0.25,
		hi: 0.4,
		point: 0.31,
		of: (a, b) => 1 - v(b, 'repeatContactRate') / v(a, 'repeatContactRate')
	},
	{
		key: 'csatRise',
		label: 'Measured CSAT, relative rise AHT-only -> Balanced',
		lo: 0.15,
		hi: 0.3,
		point: 0.22,
		of: (a, b) => v(b, 'csat') / v(a, 'csat') - 1
	},
	{ key: 'abandonAhtOnly', label: 'Abandon rate, AHT-only', lo: 0, hi: 0.1, of: (a) => v(a, 'abandonRate') },
	{
		key: 'abandonBalanced',
		label: 'Abandon rate, Balanced',
		lo: 0,
		hi: 0.1,
		of: (_, b) => v(b, 'abandonRate')
	},
	{ key: 'occupancyAhtOnly', label: 'Occupancy, AHT-only', lo: 0.75, hi: 0.9, of: (a) => v(a, 'occupancy') },
	{
		key: 'occupancyBalanced',
		label: 'Occupancy, Balanced',
		lo: 0.75,
		hi: 0.9,
		of: (_, b) => v(b, 'occupancy')
	},
	{ key: 'fcrAhtOnly', label: 'True FCR, AHT-only', lo: 0.58, hi: 0.72, of: (a) => v(a, 'fcrTrue') },
	{ key: 'fcrBalanced', label: 'True FCR, Balanced', lo: 0.72, hi: 0.85, of: (_, b) => v(b, 'fcrTrue') }
];

export interface BandFit {
	band: Band;
	mean: number;
	ci95: [number, number];
	/** The mean is inside the band. */
	inside: boolean;
	/** The 95 % interval overlaps the band: the data do not reject it. */
	plausible: boolean;
}

/** Each band's mean and interval over replications (rows of draft 0 and draft 1, same replications). */
export function fitBands(rows: ReadonlyArray<readonly [Float64Array, Float64Array]>): BandFit[] {
	return CALIBRATION_BANDS.map((band) => {
		const w = new Welford();
		for (const [a, b] of rows) w.push(band.of(a, b));
		const h = w.n > 1 ? w.halfWidth95 : 0;
		const ci95: [number, number] = [w.mean - h, w.mean + h];
		return {
			band,
			mean: w.mean,
			ci95,
			inside: w.mean >= band.lo && w.mean <= band.hi,
			plausible: ci95[1] >= band.lo && ci95[0] <= band.hi
		};
	});
}

/**
 * How far a fit is from the evidence (0 = every mean inside its band and on the named points):
 * squared distance outside each band in band widths, plus a small pull to the named points and,
 * for bands without one, to the band's middle.
 */
export function bandLoss(fits: readonly BandFit[]): number {
	let loss = 0;
	for (const f of fits) {
		const { lo, hi, point } = f.band;
		const width = hi - lo;
		const out = f.mean < lo ? lo - f.mean : f.mean > hi ? f.mean - hi : 0;
		loss += 100 * (out / width) ** 2;
		const aim = point ?? (lo + hi) / 2;
		const weight = point !== undefined ? 1 : 0.3;
		loss += weight * ((f.mean - aim) / width) ** 2;
	}
	return Number.isFinite(loss) ? loss : 1e9;
}
