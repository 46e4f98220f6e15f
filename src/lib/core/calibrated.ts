/**
 * Behaviour defaults fitted by `npm run calibrate` (scripts/calibrate.ts): written by the script,
 * not by hand. They have no public source of their own; the app shows them as "illustrative,
 * calibrated to" the field evidence named in `CALIBRATION.target`.
 */
export const CALIBRATED = {
	intrinsicOutcomeWeight: 0.449,
	minEffort: 0.8,
	pressureMidpoint: 0.05,
	pressureSensitivity: 19.3,
	resolutionElasticity: 1.44
} as const;

export const CALIBRATION = {
	target:
		'the e-commerce case (seed 000: repeat contacts -31 %, CSAT +22 % from AHT-only to a balanced scorecard) and industry ranges for abandonment, occupancy and first-contact resolution',
	seed: 'calibration',
	replications: 8,
	/** Per band: mean and 95 % interval of the final fit. */
	fit: {
		repeatDrop: [0.331, 0.321, 0.342],
		csatRise: [0.177, 0.172, 0.181],
		abandonAhtOnly: [0.0689, 0.0598, 0.0781],
		abandonBalanced: [0.0695, 0.061, 0.078],
		occupancyAhtOnly: [0.856, 0.849, 0.862],
		occupancyBalanced: [0.864, 0.858, 0.87],
		fcrAhtOnly: [0.61, 0.601, 0.619],
		fcrBalanced: [0.74, 0.73, 0.75]
	}
} as const;
