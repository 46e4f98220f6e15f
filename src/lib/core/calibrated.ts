/**
 * Behaviour defaults fitted by `npm run calibrate` (scripts/calibrate.ts): written by the script,
 * not by hand. They have no public source of their own; the app shows them as "illustrative,
 * calibrated to" the field evidence named in `CALIBRATION.target`.
 */
export const CALIBRATED = {
	intrinsicOutcomeWeight: 0.3,
	minEffort: 0.7,
	pressureSensitivity: 6,
	resolutionElasticity: 1.5
} as const;

export const CALIBRATION = {
	target:
		'the e-commerce case (seed 000: repeat contacts -31 %, CSAT +22 % from AHT-only to a balanced scorecard) and industry ranges for abandonment, occupancy and first-contact resolution',
	seed: 'not yet calibrated',
	replications: 0
} as const;
