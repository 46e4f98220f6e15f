/** The explore panel renders (server-side) with its three sections and creates no pool until a run. */
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ExplorePanel from '../../src/lib/ui/explore/ExplorePanel.svelte';
import { parseScenario } from '../../src/lib/core/schema/scenario';

describe('ExplorePanel', () => {
	it('renders the three sections for a validated scenario', () => {
		const p = parseScenario(JSON.parse(readFileSync('scenarios/ecommerce-case.json', 'utf8')));
		if (!p.ok) throw new Error('bad preset');
		const { body } = render(ExplorePanel, { props: { scenario: p.scenario } });
		expect(body).toContain('Vendor best response');
		expect(body).toContain('Sensitivity');
		expect(body).toContain('Contract explorer');
		expect(body).toContain('drafts.1.price.rate');
	});
});
