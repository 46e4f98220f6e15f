/** The line sweep's data: an outcome's mean and interval as a clause varies, and the drafts on it. */
import type { MarkerShape } from '../types';

export interface SweepPoint {
	x: number;
	mean: number;
	lo?: number;
	hi?: number;
}

export interface SweepSeries {
	label: string;
	points: SweepPoint[];
	color?: string;
	dash?: string;
	marker?: MarkerShape;
}

/** A draft's position on the sweep: its clause value and outcome, drawn as a labelled point. */
export interface SweepMarker {
	label: string;
	x: number;
	y: number;
	color?: string;
}
