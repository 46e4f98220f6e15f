/**
 * The workshop's logic without a browser: the workshop code, the teams' entry codes (what the
 * projector accepts and what it refuses, in words), the room's predictions, the drafts in words, and
 * the play-and-rank pipeline on a small scenario evaluated in process.
 */
import { describe, expect, it } from 'vitest';
import { LEVER_BOUNDS } from '../../src/lib/core/explore/best-response';
import { localEvaluator } from '../../src/lib/core/explore/evaluation';
import { METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { parseScenario } from '../../src/lib/core/schema/scenario';
import type { Draft } from '../../src/lib/core/schema/draft';
import {
	BALANCED,
	DEFAULT_SETTINGS,
	NEGOTIABLE_GROUPS,
	SIGNED,
	decodeBrief,
	encodeBrief,
	encodeEntry,
	keepNegotiable,
	readEntries,
	startDraft,
	teamWorkspace,
	workshopInput,
	workshopScenario,
	type Brief
} from '../../src/lib/ui/workshop/setup';
import { parsePrediction } from '../../src/lib/ui/workshop/predictions';
import { describeDraft, leversText } from '../../src/lib/ui/workshop/describe';
import { play, playWork, rank, type PlayedDraft } from '../../src/lib/ui/workshop/play';

const brief: Brief = { v: 1, size: 'case', negotiable: ['targets', 'price'], start: 'signed' };

describe('workshop code', () => {
	it('round-trips every setting in a few letters', () => {
		for (const size of ['case', 'rehearsal'] as const)
			for (const start of ['signed', 'balanced'] as const)
				for (let mask = 1; mask < 1 << NEGOTIABLE_GROUPS.length; mask += 7) {
					const b: Brief = {
						v: 1,
						size,
						start,
						negotiable: NEGOTIABLE_GROUPS.filter((_, i) => mask & (1 << i)).map((g) => g.id)
					};
					const code = encodeBrief(b);
					expect(code.length).toBeLessThanOrEqual(5);
					expect(decodeBrief(code)).toEqual({ ok: true, brief: b });
					expect(decodeBrief(` ${code.toUpperCase()} `)).toEqual({ ok: true, brief: b });
				}
	});

	it('refuses what is not a code, saying where to find one', () => {
		for (const bad of ['', 'hello', '2cs1', '1xs1', '1cs0', '1cszz'])
			expect(decodeBrief(bad)).toMatchObject({ ok: false, error: expect.stringMatching(/projector/) });
	});
});

describe("teams' entry codes", () => {
	const mine = () => ({
		...startDraft(brief),
		price: { model: 'perHandledContact', rate: 5, repeatsBillable: false }
	});

	it('are short, and the projector reads them back from a code, a link or a message', () => {
		const code = encodeEntry('Blue team', mine());
		expect(code.length).toBeLessThan(160);
		const text = [code, `Here: https://example.org/workshop/team/#b=1cs3&d=${code}`].join('\n');
		const { entries, problems } = readEntries(code + '\n\n', brief);
		expect(problems).toEqual([]);
		expect(entries).toHaveLength(1);
		expect(entries[0].team).toBe('Blue team');
		expect(entries[0].draft.name).toBe('Blue team');
		expect(entries[0].draft.price.rate).toBe(5);
		expect(readEntries(text, brief).problems).toEqual([
			'Line 2: the same code as an earlier line (left out).'
		]);
	});

	it("give clashing team names their own names, never the case drafts' names", () => {
		const a = encodeEntry('AHT-only', mine());
		const b = encodeEntry('AHT-only', { ...mine(), description: 'another' });
		const { entries } = readEntries(`${a}\n${b}`, brief, ['AHT-only', 'Balanced']);
		expect(entries.map((e) => e.team)).toEqual(['AHT-only (2)', 'AHT-only (3)']);
	});

	it('reset clauses that were not open to negotiation, and say so', () => {
		const d = { ...mine(), vendor: { staffingPolicyFactor: 0.5, coachingSpeedBias: 1 }, bonuses: [] };
		const kept = keepNegotiable(
			{ ...d, bonuses: [{ metric: 'fcr', threshold: 0.5, direction: 'atLeast', amount: 1 }] },
			brief
		);
		expect(kept.reset.sort()).toEqual(['Bonuses', 'Vendor levers']);
		expect(kept.draft.vendor).toEqual(startDraft(brief).vendor);
		const { entries } = readEntries(encodeEntry('T', d), brief);
		expect(entries[0].reset).toEqual(['Vendor levers']);
		expect(entries[0].draft.vendor).toEqual({ staffingPolicyFactor: 1, coachingSpeedBias: 0 });
	});

	it('refuse bad lines one by one, in words, keeping the good ones', () => {
		const good = encodeEntry('Good', mine());
		const invalid = encodeEntry('Bad price', { ...mine(), price: { model: 'perHandledContact', rate: -1 } });
		const [tag, payload] = good.split('.');
		const other = `zzzz.${payload}`;
		const damaged = `${tag}.${payload.slice(0, 10)}`;
		const { entries, problems } = readEntries([good, 'hello', invalid, other, damaged].join('\n'), brief);
		expect(entries.map((e) => e.team)).toEqual(['Good']);
		expect(problems).toHaveLength(4);
		expect(problems[0]).toMatch(/^Line 2: no team code found/);
		expect(problems[1]).toMatch(/^Line 3 \(Bad price\): the draft is not valid - price\.rate/);
		expect(problems[2]).toMatch(/^Line 4: this code was made with another version of the workshop/);
		expect(problems[3]).toMatch(/^Line 5: the code is damaged or incomplete/);
		const many = Array.from({ length: 8 }, (_, i) => encodeEntry(`T${i}`, mine())).join('\n');
		expect(readEntries(many, brief).problems).toEqual([
			'Line 7: at most 6 teams (left out).',
			'Line 8: at most 6 teams (left out).'
		]);
	});

	it("the team's workspace is the contract as signed beside the team's draft, and validates", () => {
		const ws = teamWorkspace(brief) as { drafts: { name: string }[] };
		expect(ws.drafts.map((d) => d.name)).toEqual([workshopScenario('case').drafts[SIGNED].name, 'Our draft']);
		expect(parseScenario(ws).ok).toBe(true);
	});
});

describe('predictions and words', () => {
	it('reads percentages and amounts as people type them', () => {
		expect(parsePrediction('85', 'percent')).toEqual({ value: 0.85 });
		expect(parsePrediction(' 85,5 % ', 'percent')).toEqual({ value: 0.855 });
		expect(parsePrediction('', 'percent')).toEqual({ value: null });
		expect(parsePrediction('150', 'percent')).toHaveProperty('error');
		expect(parsePrediction('lots', 'percent')).toHaveProperty('error');
		expect(parsePrediction('150k', 'money')).toEqual({ value: 150_000 });
		expect(parsePrediction('EUR 1.2 M', 'money')).toEqual({ value: 1_200_000 });
		expect(parsePrediction('150,000', 'money')).toEqual({ value: 150_000 });
		expect(parsePrediction('-20k', 'money')).toEqual({ value: -20_000 });
		expect(parsePrediction('a lot', 'money')).toHaveProperty('error');
	});

	it('describes the case contracts clause by clause', () => {
		const s = workshopScenario('case');
		const signed = describeDraft(s.drafts[SIGNED], s.currency);
		expect(signed[0]).toMatch(/^Average handle time at most \d/);
		expect(signed.join('\n')).toMatch(/Price: EUR [\d.]+ per handled contact, repeat contacts billed/);
		const balanced = describeDraft(s.drafts[BALANCED], s.currency).join('\n');
		expect(balanced).toMatch(/First-contact resolution at least \d+ % \(no repeat within \d+ days\)/);
		expect(balanced).toMatch(/Bonus: /);
		expect(leversText({ staffingPolicyFactor: 0.8, coachingSpeedBias: 1 })).toBe(
			'staffs 80 % of its plan, coaches agents for speed'
		);
	});

	it('rehearsal size is a fifth of the customers, nothing else', () => {
		const c = workshopInput('case') as unknown as {
			assumptions: { demand: { firstContactsPerDay: number } };
		};
		const r = workshopInput('rehearsal') as unknown as typeof c;
		expect(r.assumptions.demand.firstContactsPerDay).toBe(
			Math.round(c.assumptions.demand.firstContactsPerDay / 5)
		);
		expect({ ...r, assumptions: { ...r.assumptions, demand: null } }).toEqual({
			...c,
			assumptions: { ...c.assumptions, demand: null }
		});
	});
});

describe('play and rank', () => {
	// Small and quick: a few days of the rehearsal-size case, the quick vendor search.
	const base = (() => {
		const input = workshopInput('rehearsal') as unknown as { assumptions: { calendar: { days: number } } };
		input.assumptions.calendar.days = 3;
		const p = parseScenario(input);
		if (!p.ok) throw new Error('bad test scenario');
		return p.scenario;
	})();
	const drafts: Draft[] = [base.drafts[SIGNED], base.drafts[BALANCED]];

	it('runs the drafts as planned and against the vendor, on the same months, reproducibly', async () => {
		const seen: number[] = [];
		let planned = 0;
		const run = () =>
			play(
				base,
				drafts,
				'quick',
				{ evaluator: localEvaluator(), onProgress: (p) => seen.push(p.done / p.total) },
				() => planned++
			);
		const a = await run();
		expect(planned).toBe(1);
		expect(seen.at(-1)).toBe(1);
		expect(Math.max(...seen)).toBeLessThanOrEqual(1);
		expect(playWork(2, 'quick')).toBeGreaterThan(0);
		for (const p of a) {
			expect(p.planned.rows).toHaveLength(6);
			expect(p.vendor.rows).toHaveLength(6);
			expect(p.vendor.levers.staffingPolicyFactor).toBeGreaterThanOrEqual(
				LEVER_BOUNDS.staffingPolicyFactor[0]
			);
			expect(p.vendor.levers.staffingPolicyFactor).toBeLessThanOrEqual(LEVER_BOUNDS.staffingPolicyFactor[1]);
			// First contacts are the customers: the same under every draft and lever.
			expect(p.planned.metrics[MI.firstContacts].mean).toBe(a[0].planned.metrics[MI.firstContacts].mean);
			expect(p.vendor.metrics[MI.firstContacts].mean).toBe(a[0].planned.metrics[MI.firstContacts].mean);
		}
		const b = await run();
		expect(b.map((p) => p.vendor.metrics[MI.clientTotalCost].mean)).toEqual(
			a.map((p) => p.vendor.metrics[MI.clientTotalCost].mean)
		);
		expect(b.map((p) => p.vendor.levers)).toEqual(a.map((p) => p.vendor.levers));
	}, 300_000);

	it('ranks by the client cost with the vendor playing, drafts the vendor would not sign last', () => {
		const rows = (cost: number[], margin: number) =>
			cost.map((c) => {
				const r = new Float64Array(Object.keys(MI).length);
				r[MI.clientTotalCost] = c;
				r[MI.vendorMargin] = margin;
				return r;
			});
		const fake = (name: string, cost: number[], margin: number): PlayedDraft => {
			const o = { rows: rows(cost, margin), metrics: [] as never };
			const metrics = Array.from({ length: Object.keys(MI).length }, () => ({ mean: 0 }));
			metrics[MI.clientTotalCost] = { mean: cost.reduce((s, x) => s + x) / cost.length };
			metrics[MI.vendorMargin] = { mean: margin };
			return {
				draft: { name } as Draft,
				planned: { ...o, metrics: metrics as never },
				vendor: {
					...o,
					metrics: metrics as never,
					levers: { staffingPolicyFactor: 1, coachingSpeedBias: 0 },
					isAsPlanned: true
				}
			};
		};
		const r = rank([
			fake('dear', [110, 112, 111], 10),
			fake('cheap but unsigned', [50, 52, 51], -5),
			fake('cheap', [100, 101, 102], 10),
			fake('close', [100.5, 101, 102], 10)
		]);
		expect(r.order).toEqual([2, 3, 0, 1]);
		expect(r.viable).toEqual([true, false, true, true]);
		expect(r.vsLeader[2]).toBeNull();
		expect(r.vsLeader[0]!.significant).toBe(true);
		expect(r.vsLeader[3]!.significant).toBe(false);
	});
});

describe('defaults', () => {
	it('the default settings open a valid brief', () => {
		expect(decodeBrief(encodeBrief(DEFAULT_SETTINGS))).toMatchObject({ ok: true });
	});
});
