/**
 * `npm run sim -- erlang --arrivals-per-hour L --agents N --aht SECONDS [--patience SECONDS]
 *  [--target SECONDS] [--hours H] [--warmup H] [--reps R] [--seed S] [--json]`
 *
 * The textbook queue: simulates the stationary M/M/n (Erlang C) or, with --patience, M/M/n+M (Erlang A)
 * through the same engine the app uses (one long open period, warm-up discarded; each replication is an
 * independent run of --hours measured hours, and the replications give the 95 % t-intervals), and prints
 * the simulated figures beside the analytic ones. serviceLevel = answered within --target / all offered;
 * asa = mean wait of answered (s); abandonRate and pWait = fractions of offered; occupancy = busy / staffed.
 * Exit codes: 0 done, 2 bad flag.
 */
import { z } from 'zod';
import { simulate, textbookConfig, warmupRows, type TextbookParams } from '../../lib/core/engine';
import { intervalCount } from '../../lib/core/engine-config';
import { erlangAMetrics } from '../../lib/core/erlang';
import { F, FIELD_COUNT, sumRows } from '../../lib/core/fields';
import { Welford, tInterval } from '../../lib/core/stats';
import { guard, intFlag, numberFlag, seedFlag, tokenise, validate } from '../common';

export const summary = 'simulate the textbook M/M/n (+M) queue and compare with analytic Erlang C / Erlang A';

const USAGE = `usage: npm run sim -- erlang --arrivals-per-hour L --agents N --aht SECONDS [options]

  --arrivals-per-hour L   arrival rate (contacts per hour, > 0)
  --agents N              agents on the phones (whole number >= 1)
  --aht SECONDS           mean handle time (exponential, > 0)
  --patience SECONDS      mean patience (exponential): Erlang A; omit for Erlang C (no abandonment)
  --target SECONDS        service-level threshold T (default 20)
  --hours H               measured hours per replication (default 200)
  --warmup H              warm-up hours per replication, discarded (default 2)
  --reps R                replications (default 20, at least 2 for an interval)
  --seed S                seed (default 1)
  --json                  print one JSON object {"simulated": {...}, "analytic": {...}}
`;

const pos = (name: string) => numberFlag(name).gt(0, { error: `--${name} must be greater than 0` });

const FlagsSchema = z
	.strictObject({
		'arrivals-per-hour': pos('arrivals-per-hour').optional(),
		agents: intFlag('agents', 1, 100_000).optional(),
		aht: pos('aht').optional(),
		patience: pos('patience').optional(),
		target: numberFlag('target').min(0, { error: '--target must be at least 0' }).default(20),
		hours: pos('hours').max(1e6, { error: '--hours must be at most 1000000' }).default(200),
		warmup: numberFlag('warmup').min(0, { error: '--warmup must be at least 0' }).default(2),
		reps: numberFlag('reps')
			.int({ error: '--reps must be a whole number' })
			.min(2, { error: '--reps must be at least 2 (the interval needs two replications)' })
			.max(100_000, { error: '--reps must be at most 100000' })
			.default(20),
		seed: seedFlag.default('1'),
		json: z.boolean().default(false)
	})
	.superRefine((f, ctx) => {
		for (const k of ['arrivals-per-hour', 'agents', 'aht'] as const)
			if (f[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `--${k} is required` });
	});

const VALUE_FLAGS = [
	'arrivals-per-hour',
	'agents',
	'aht',
	'patience',
	'target',
	'hours',
	'warmup',
	'reps',
	'seed'
];

export interface Figures {
	serviceLevel: number;
	asa: number;
	abandonRate: number;
	pWait: number;
	occupancy: number;
}
const KEYS = ['serviceLevel', 'asa', 'abandonRate', 'pWait', 'occupancy'] as const;

export interface ErlangOutput {
	simulated: Figures & { ci95: Record<keyof Figures, [number, number]> };
	analytic: Figures;
	/** Not part of the JSON contract's required keys: run details. */
	contacts: number;
}

/** Run the comparison (exported for tests). */
export function compare(p: TextbookParams, reps: number, seed: string): ErlangOutput {
	const c = textbookConfig(p);
	const w = warmupRows(p);
	const rows = intervalCount(c);
	const s = new Float64Array(FIELD_COUNT);
	const acc = Object.fromEntries(KEYS.map((k) => [k, new Welford()])) as Record<keyof Figures, Welford>;
	let contacts = 0;
	for (let r = 0; r < reps; r++) {
		const res = simulate(c, seed, r);
		contacts += res.contacts;
		sumRows(res.table, w, rows, s);
		const off = s[F.OFFERED];
		acc.serviceLevel.push(off > 0 ? s[F.ANSWERED_WITHIN_T] / off : 0);
		acc.asa.push(s[F.ANSWERED] > 0 ? s[F.WAIT_SUM_ANSWERED] / s[F.ANSWERED] : 0);
		acc.abandonRate.push(off > 0 ? s[F.ABANDONED] / off : 0);
		acc.pWait.push(off > 0 ? s[F.WAITED] / off : 0);
		acc.occupancy.push(s[F.STAFFED_SECONDS] > 0 ? s[F.BUSY_SECONDS] / s[F.STAFFED_SECONDS] : 0);
	}
	const a = erlangAMetrics({
		arrivalRate: p.arrivalsPerHour / 3600,
		aht: p.ahtSec,
		agents: p.agents,
		slThreshold: p.targetSec,
		patienceMean: p.patienceSec ?? Infinity
	});
	const simulated = {} as ErlangOutput['simulated'];
	const ci95 = {} as ErlangOutput['simulated']['ci95'];
	for (const k of KEYS) {
		simulated[k] = acc[k].mean;
		ci95[k] = tInterval(acc[k]);
	}
	simulated.ci95 = ci95;
	return {
		simulated,
		analytic: {
			serviceLevel: a.serviceLevel,
			asa: a.asa,
			abandonRate: a.pAbandon,
			pWait: a.pWait,
			occupancy: a.occupancy
		},
		contacts
	};
}

function fmt(k: keyof Figures, v: number): string {
	if (!Number.isFinite(v)) return String(v);
	return k === 'asa' ? `${v.toFixed(2)} s` : `${(100 * v).toFixed(2)} %`;
}

export async function run(argv: string[]): Promise<number> {
	return guard('erlang', USAGE, async () => {
		const flags = validate(FlagsSchema, tokenise(argv, VALUE_FLAGS, ['json'], { noFile: true, once: true }));
		const p: TextbookParams = {
			arrivalsPerHour: flags['arrivals-per-hour']!,
			agents: flags.agents!,
			ahtSec: flags.aht!,
			patienceSec: flags.patience,
			targetSec: flags.target,
			hours: flags.hours,
			warmupHours: flags.warmup
		};
		const t0 = performance.now();
		const out = compare(p, flags.reps, flags.seed);
		const elapsed = (performance.now() - t0) / 1000;
		if (flags.json) {
			process.stdout.write(JSON.stringify({ simulated: out.simulated, analytic: out.analytic }) + '\n');
			return 0;
		}
		const load = (p.arrivalsPerHour * p.ahtSec) / 3600;
		const model = p.patienceSec
			? `Erlang A (M/M/${p.agents}+M, mean patience ${p.patienceSec} s)`
			: `Erlang C (M/M/${p.agents})`;
		const lines = [
			`${model}: ${p.arrivalsPerHour} contacts/h, AHT ${p.ahtSec} s, load ${load.toFixed(2)} Erlangs, T = ${p.targetSec} s`,
			`${flags.reps} replications x ${p.hours} h (after ${p.warmupHours} h warm-up), seed ${flags.seed}: ${out.contacts.toLocaleString('en')} contacts in ${elapsed.toFixed(2)} s`,
			'',
			`${'metric'.padEnd(14)}${'simulated'.padStart(12)}   ${'95 % CI'.padEnd(24)}${'analytic'.padStart(12)}`
		];
		const label: Record<keyof Figures, string> = {
			serviceLevel: 'service level',
			asa: 'ASA',
			abandonRate: 'abandon rate',
			pWait: 'P(wait)',
			occupancy: 'occupancy'
		};
		for (const k of KEYS) {
			const [lo, hi] = out.simulated.ci95[k];
			lines.push(
				`${label[k].padEnd(14)}${fmt(k, out.simulated[k]).padStart(12)}   ${`[${fmt(k, lo)}, ${fmt(k, hi)}]`.padEnd(24)}${fmt(k, out.analytic[k]).padStart(12)}`
			);
		}
		if (!(load < p.agents) && !p.patienceSec)
			lines.push(
				'',
				'warning: load >= agents without abandonment: the queue is unstable, the analytic figures are limits.'
			);
		process.stdout.write(lines.join('\n') + '\n');
		return 0;
	});
}
