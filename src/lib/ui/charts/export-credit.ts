/**
 * Which scenario and seed the charts on a page come from, for the line every exported PNG and SVG
 * carries: a file passed around on its own still says where its numbers come from. The page sets
 * it once; every chart below reads it.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('chart-export-credit');

/** The credit line of a scenario: "Scenario: E-commerce support, seed ecommerce-2024 · SLA Sandbox". */
export function creditLine(scenario: { name: string; seed: string | number } | null | undefined): string {
	return scenario ? `Scenario: ${scenario.name}, seed ${String(scenario.seed)} · SLA Sandbox` : '';
}

/** `get` returns the current credit line (the page's scenario changes as the user edits). */
export const setExportCredit = (get: () => string) => setContext(KEY, get);
export const getExportCredit = (): (() => string) | undefined => getContext(KEY);
