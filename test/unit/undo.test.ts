import { describe, expect, it, vi } from 'vitest';
import { UndoHistory, JOIN_MS } from '../../src/lib/ui/undo-history';
import { Workspace } from '../../src/lib/ui/workspace.svelte';
import { PRESETS } from '../../src/lib/ui/presets';
import { setIn } from '../../src/lib/ui/form/jsonschema';
import { describeChange, fieldName } from '../../src/lib/ui/field-names';

type S = { drafts: { name: string; price: { model: string; rate: number } }[] };

describe('undo history', () => {
	it('keeps at most its limit of steps, dropping the oldest', () => {
		const h = new UndoHistory<number>(3);
		for (let i = 0; i < 5; i++) h.record(i, { label: `step ${i}` });
		expect(h.size).toBe(3);
		expect(h.undo(5)?.before).toBe(4);
		expect(h.undo(4)?.before).toBe(3);
		expect(h.undo(3)?.before).toBe(2);
		expect(h.undo(2)).toBeNull();
	});

	it('a new change clears what could be redone', () => {
		const h = new UndoHistory<string>();
		h.record('a', { label: 'a to b' });
		expect(h.undo('b')?.before).toBe('a');
		expect(h.canRedo).toBe(true);
		expect(h.redo('a')?.after).toBe('b');
		h.undo('b');
		h.record('a', { label: 'a to c' });
		expect(h.canRedo).toBe(false);
		expect(h.redo('c')).toBeNull();
	});

	it('joins quick changes to one field, not to another field nor a destructive change', () => {
		let t = 0;
		const h = new UndoHistory<string>(100, () => t);
		h.record('', { label: 'typed', key: 'price.rate' });
		t += 200;
		expect(h.record('4', { label: 'typed', key: 'price.rate' })).toBe(true);
		t += 200;
		expect(h.record('4.', { label: 'other', key: 'seed' })).toBe(false);
		t += JOIN_MS + 1;
		expect(h.record('4.5', { label: 'typed later', key: 'seed' })).toBe(false);
		t += 10;
		expect(h.record('x', { label: 'preset', key: 'seed', destructive: true })).toBe(false);
		expect(h.size).toBe(4);
		expect(h.undo('y')?.before).toBe('x');
	});
});

describe('workspace undo', () => {
	const preset = (id: string) => PRESETS.find((p) => p.id === id)!.scenario;
	const rate = (ws: Workspace) => (ws.input as S).drafts[1].price.rate;

	it('undoes and redoes an edit; typing into one field is one step', () => {
		const ws = new Workspace();
		const start = rate(ws);
		ws.input = setIn(ws.input, ['drafts', 1, 'price', 'rate'], 9);
		ws.input = setIn(ws.input, ['drafts', 1, 'price', 'rate'], 95);
		expect(rate(ws)).toBe(95);
		expect(ws.undoLabel).toMatch(/^Changed .+ > Price > Rate per/);
		expect(ws.undo()).not.toBeNull();
		expect(rate(ws)).toBe(start);
		expect(ws.canUndo).toBe(false);
		ws.redo();
		expect(rate(ws)).toBe(95);
	});

	it('a preset switch is undoable and offers Undo; so is removing a draft', () => {
		const ws = new Workspace();
		ws.load(preset('ecommerce-case')); // the page's first load replaces the start-up preset: no step
		expect(ws.canUndo).toBe(false);
		ws.input = setIn(ws.input, ['drafts', 0, 'price', 'rate'], 7.25);
		const edited = JSON.stringify(ws.input);
		const other = PRESETS.find((p) => p.id !== 'ecommerce-case')!;
		ws.load(other.scenario, `Loaded the preset "${other.name}"`);
		expect(ws.undoOffer?.label).toBe(`Loaded the preset "${other.name}"`);
		ws.undo();
		expect(JSON.stringify(ws.input)).toBe(edited);
		expect(ws.undoOffer).toBeNull();

		const drafts = (ws.input as S).drafts;
		const more = [...drafts, { ...drafts[0], name: 'Third' }];
		ws.input = setIn(ws.input, ['drafts'], more);
		ws.input = setIn(
			ws.input,
			['drafts'],
			more.filter((_, i) => i !== 0)
		);
		expect(ws.undoOffer?.label).toBe(`Removed the draft "${drafts[0].name}"`);
		ws.undo();
		expect((ws.input as S).drafts.map((d) => d.name)).toEqual(more.map((d) => d.name));
	});

	it('an import is undoable', () => {
		const ws = new Workspace();
		ws.load(preset('ecommerce-case'));
		const before = JSON.stringify(ws.input);
		const other = PRESETS.find((p) => p.id !== 'ecommerce-case')!;
		const r = ws.importBytes(new TextEncoder().encode(JSON.stringify(other.scenario)), 'other.json');
		expect(r.ok).toBe(true);
		expect(ws.undoOffer?.label).toMatch(/other\.json/);
		ws.undo();
		expect(JSON.stringify(ws.input)).toBe(before);
	});
});

describe('undo across a reload', () => {
	it('a draft removed before the page closed comes back with Undo after it opens again', async () => {
		vi.useFakeTimers();
		try {
			let kept: unknown;
			const store = { save: async (h: unknown) => void (kept = structuredClone(h)), load: async () => kept };
			const before = new Workspace({ history: store });
			before.load(PRESETS.find((p) => p.id === 'ecommerce-case')!.scenario);
			const drafts = (before.input as S).drafts;
			before.input = setIn(before.input, ['drafts'], [...drafts, { ...drafts[0], name: 'Third' }]);
			before.input = setIn(before.input, ['drafts'], drafts.slice(0, 2));
			await vi.advanceTimersByTimeAsync(1000);
			const autosaved = JSON.parse(JSON.stringify(before.input));

			const after = new Workspace({ history: store });
			after.load(autosaved);
			await vi.advanceTimersByTimeAsync(0);
			expect(after.undoLabel).toBe('Removed the draft "Third"');
			after.undo();
			expect((after.input as S).drafts.map((d) => d.name)).toContain('Third');

			// a history that leads to another workspace is not taken back
			const other = new Workspace({ history: store });
			other.load(PRESETS.find((p) => p.id !== 'ecommerce-case')!.scenario);
			await vi.advanceTimersByTimeAsync(0);
			expect(other.canUndo).toBe(false);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('field names', () => {
	const s = PRESETS.find((p) => p.id === 'ecommerce-case')!.scenario as S;
	it('name a field as the editor shows it', () => {
		expect(fieldName('drafts.1.price.rate', s)).toBe(
			`${s.drafts[1].name} > Price > Rate per handled contact`
		);
		expect(fieldName('assumptions.demand.firstContactsPerDay', s)).toBe(
			'Shared assumptions > Demand > First contacts per day'
		);
		expect(fieldName('seed', s)).toBe('Run settings > Seed');
		expect(fieldName('drafts.0.metrics.0.target', s)).toMatch(
			/^[^.]+ > Service and quality targets > .+ > Target$/
		);
	});
	it("replace the paths in a tool's error", async () => {
		const { plainPaths } = await import('../../src/lib/ui/explore/words');
		expect(
			plainPaths(
				'drafts.0.atRisk.percentOfInvoice = 1.5 makes an invalid scenario:\ndrafts.0.atRisk.percentOfInvoice: must be at most 100 %',
				s
			)
		).toBe(
			`${s.drafts[0].name} > At-risk pool and credits > Share of the invoice at risk = 1.5 makes an invalid scenario:\n${s.drafts[0].name} > At-risk pool and credits > Share of the invoice at risk: must be at most 100 %`
		);
	});
	it('say which field a change touched', () => {
		const after = setIn(s, ['assumptions', 'demand', 'firstContactsPerDay'], 1);
		expect(describeChange(s, after)).toEqual({
			label: 'Changed Shared assumptions > Demand > First contacts per day',
			key: 'assumptions.demand.firstContactsPerDay'
		});
	});
});
