/**
 * The explorer and designer panels' sentences: the vendor's levers, the progress of a search and
 * the direction of a change, in a negotiator's words (no "+1.00", no "coarse grid").
 */
import { METRICS, METRIC_INDEX, type MetricKey } from '$lib/core/metrics';
import type { Levers } from '$lib/core/explore/best-response';
import { fieldName } from '$lib/ui/field-names';

/** "staffs 90 % of its plan and coaches agents clearly towards speed". */
export function leverText(l: Levers): string {
	const b = l.coachingSpeedBias;
	const strength =
		Math.abs(b) < 0.05 ? '' : Math.abs(b) < 0.35 ? 'slightly ' : Math.abs(b) < 0.7 ? 'clearly ' : 'strongly ';
	const coaching =
		strength === ''
			? 'coaches agents to the scorecard'
			: `coaches agents ${strength}towards ${b > 0 ? 'speed' : "resolving customers' issues"}`;
	return `staffs ${Math.round(l.staffingPolicyFactor * 100)} % of its plan and ${coaching}`;
}

/** A search's progress step in words: the core names its phases for programmers ("refine 2"). */
export function phaseWords(phase: string): string {
	if (phase === 'coarse grid') return 'trying a first spread of staffing and coaching';
	const refine = /^refine (\d+)$/.exec(phase);
	if (refine) return `narrowing in on the best (round ${refine[1]})`;
	if (phase === 'base') return 'the assumptions as they are';
	const side = /^(.*): (low|high)$/.exec(phase);
	if (side) return `${side[1]} at the ${side[2]} end of its range`;
	const point = /^point (\d+)\/(\d+)$/.exec(phase);
	if (point) return `setting ${point[1]} of ${point[2]}`;
	return phase
		.replace(/draft-replications/g, 'simulated draft-months')
		.replace(/\breplications\b/g, 'simulated months');
}

/** The vendor's own figures: more is better for the vendor (the change says so). */
export const VENDOR_SIDE: readonly MetricKey[] = ['vendorMargin', 'vendorMarginShare'];

export type Tone = 'better' | 'worse' | 'unclear' | 'neutral';

/**
 * Whether a paired change is good news, and for whom the metric says (the client's customers, or
 * the side it names, e.g. the vendor for its margin). A change whose 95 % interval holds zero is
 * 'unclear': no colour claims a direction the numbers do not show.
 */
export function toneOf(key: MetricKey, mean: number, significant: boolean): Tone {
	const better = VENDOR_SIDE.includes(key) ? 1 : METRICS[METRIC_INDEX[key]].better;
	if (better === 0 || mean === 0) return 'neutral';
	if (!significant) return 'unclear';
	return mean * better > 0 ? 'better' : 'worse';
}

/** The word beside a change, so that colour is never the only sign. */
export const TONE_WORDS: Record<Tone, string> = {
	better: 'better',
	worse: 'worse',
	unclear: 'no clear change',
	neutral: ''
};

/**
 * A tool's error as the user reads it: the core names settings by their path in the scenario
 * ("drafts.0.atRisk.percentOfInvoice = 1.5 makes an invalid scenario"); the panel names them as the
 * editor does ("AHT-only > At-risk pool and credits > Share of the invoice at risk").
 */
export function plainPaths(message: string, scenario: unknown): string {
	return message.replace(/\b(?:drafts\.\d+|assumptions)(?:\.[A-Za-z0-9_]+)+/g, (path) =>
		fieldName(path, scenario)
	);
}
