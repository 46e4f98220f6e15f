/** CSV injection (OWASP): every CSV the project writes neutralises cells a spreadsheet would run. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { csvCell, csvText } from '../../src/lib/core/csv';
import { toCsv } from '../../src/cli/commands/run';
import { resultsCsv } from '../../src/lib/ui/results/csv';
import { METRIC_COUNT } from '../../src/lib/core/metrics';
import { summarise, type ReplicationRow } from '../../src/lib/core/stats';
import { parseScenario } from '../../src/lib/core/schema/scenario';

const HOSTILE = [
	'=HYPERLINK("http://evil.example","click")',
	'+1+cmd|" /C calc"!A0',
	'-2+3',
	'@SUM(A1:A9)',
	'\tTAB',
	'\rCR'
];

/** The first cell of a CSV line as a spreadsheet reads it (quotes removed, doubled quotes undone). */
function firstCell(line: string): string {
	if (!line.startsWith('"')) return line.split(',')[0];
	const m = /^"((?:[^"]|"")*)"/.exec(line)!;
	return m[1].replace(/""/g, '"');
}

describe('csvCell', () => {
	it('prefixes a quote to text that begins with =, +, -, @, tab or CR, and quotes what needs it', () => {
		for (const s of HOSTILE) {
			const cell = csvCell(s);
			const text = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
			expect(text).toBe(`'${s}`);
		}
		expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
		expect(csvCell('Draft A')).toBe('Draft A');
		expect(csvCell('a, b')).toBe('"a, b"');
	});

	it('writes numbers as numbers (negative ones too) and a missing number as an empty cell', () => {
		expect(csvText([[-12.5, 0, NaN, Infinity, 'x']])).toBe('-12.5,0,,,x\n');
	});
});

describe('every CSV the project writes', () => {
	const rows: ReplicationRow[] = [0, 1].map((rep) => ({
		rep,
		contacts: 1,
		drafts: HOSTILE.slice(0, 2).map(() => ({ scalars: new Float64Array(METRIC_COUNT).fill(0.5) }))
	}));

	it("the CLI's per-replication rows", () => {
		for (const name of HOSTILE) {
			const lines = toCsv([name, 'B'], rows).trim().split('\n');
			const cell = firstCell(lines[1].slice(lines[1].indexOf(',') + 1));
			expect(cell).toBe(`'${name}`);
		}
	});

	it("the app's results", () => {
		const raw = JSON.parse(
			readFileSync(new URL('../../scenarios/ecommerce-case.json', import.meta.url), 'utf8')
		);
		raw.drafts[0].name = HOSTILE[0];
		const p = parseScenario(raw);
		if (!p.ok) throw new Error(JSON.stringify(p.errors));
		const lines = resultsCsv(summarise(rows), p.scenario).trim().split('\n');
		expect(firstCell(lines[1])).toBe(`'${HOSTILE[0]}`);
		for (const line of lines.slice(1)) expect(firstCell(line)).not.toMatch(/^[=+\-@\t\r]/);
	});
});
