/**
 * Analytic queueing formulas for a single-skill contact centre: Erlang B (loss), Erlang C (M/M/n,
 * infinite patience) and Erlang A (M/M/n+M, exponential patience), plus a staffing solver.
 *
 * Units everywhere: rates per second, times in seconds, loads in Erlangs (arrival rate x mean
 * handle time). Service level is always "answered within T, as a fraction of ALL offered contacts"
 * unless a field says otherwise.
 *
 * Numerics: Erlang B by its stable recursion (no factorials), Erlang A by a rescaled series over the
 * queue length (no overflow for large loads) and log-space incomplete gamma functions for the
 * waiting-time distribution (Garnett, Mandelbaum & Reiman 2002; Mandelbaum & Zeltyn 2007,
 * "The M/M/n+G queue: summary of performance measures"). Pure, allocation-light.
 */
import { lnLowerGamma } from './special';

/** Input of the Erlang C and Erlang A formulas. */
export interface QueueParams {
	/** Arrival rate, contacts per second. */
	arrivalRate: number;
	/** Mean handle time (talk + after-call work), seconds. Service is exponential. */
	aht: number;
	/** Number of agents on the phones (integer >= 0). */
	agents: number;
	/** Service-level threshold T, seconds (answered with wait <= T counts as within). */
	slThreshold: number;
}

/** Input of the Erlang A formulas: QueueParams plus the customers' mean patience. */
export interface ErlangAParams extends QueueParams {
	/** Mean patience, seconds (exponential). Infinity gives Erlang C. */
	patienceMean: number;
}

/** Steady-state performance of a queue. All fractions are of ALL offered contacts unless named otherwise. */
export interface QueueMetrics {
	/** Offered load a = arrivalRate x aht, Erlangs. */
	load: number;
	/** Probability that an arriving contact finds every agent busy and has to wait (P(W > 0)). */
	pWait: number;
	/** Fraction of offered contacts that abandon (0 for Erlang C). */
	pAbandon: number;
	/** Fraction of offered contacts answered with wait <= T. */
	serviceLevel: number;
	/** Fraction of ANSWERED contacts answered with wait <= T. */
	serviceLevelOfAnswered: number;
	/** Average speed of answer: mean wait of answered contacts, seconds. */
	asa: number;
	/** Mean wait of all offered contacts (answered and abandoned), seconds. */
	meanWaitAll: number;
	/** Agent occupancy: carried load / agents (busy share of agent time). */
	occupancy: number;
	/** False when the queue is unstable (Erlang C with load >= agents): waits grow without bound. */
	stable: boolean;
}

/**
 * Erlang B blocking probability B(n, a) of an M/M/n/n loss system, by the recursion
 * B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)). Stable for any n; O(n).
 * @param agents n, integer >= 0
 * @param load a, offered load in Erlangs (>= 0)
 */
export function erlangB(agents: number, load: number): number {
	if (load <= 0) return agents === 0 ? 1 : 0;
	let b = 1;
	for (let k = 1; k <= agents; k++) b = (load * b) / (k + load * b);
	return b;
}

/**
 * Erlang C probability of waiting C(n, a) = n B / (n - a (1 - B)) for a < n; 1 when a >= n.
 * @param agents n, integer >= 0
 * @param load a, offered load in Erlangs
 */
export function erlangC(agents: number, load: number): number {
	if (load <= 0) return 0;
	if (load >= agents) return 1;
	return erlangCFromB(agents, load, erlangB(agents, load));
}

/** Erlang C from a known Erlang B value B(n, a), for 0 < a < n (also used by the incremental staffing search). */
function erlangCFromB(agents: number, load: number, b: number): number {
	return (agents * b) / (agents - load * (1 - b));
}

function erlangCMetricsFromPw(p: QueueParams, pWait: number): QueueMetrics {
	const { arrivalRate: lambda, aht, agents: n, slThreshold: t } = p;
	const load = lambda * aht;
	if (load <= 0)
		return {
			load: 0,
			pWait: 0,
			pAbandon: 0,
			serviceLevel: 1,
			serviceLevelOfAnswered: 1,
			asa: 0,
			meanWaitAll: 0,
			occupancy: 0,
			stable: true
		};
	if (load >= n)
		return {
			load,
			pWait: 1,
			pAbandon: 0,
			serviceLevel: 0,
			serviceLevelOfAnswered: 0,
			asa: Infinity,
			meanWaitAll: Infinity,
			occupancy: 1,
			stable: false
		};
	const drain = n / aht - lambda; // n mu - lambda, per second
	const sl = 1 - pWait * Math.exp(-drain * t);
	const asa = pWait / drain;
	return {
		load,
		pWait,
		pAbandon: 0,
		serviceLevel: sl,
		serviceLevelOfAnswered: sl,
		asa,
		meanWaitAll: asa,
		occupancy: load / n,
		stable: true
	};
}

/**
 * Erlang C (M/M/n, FCFS, infinite patience): P(wait), SL = P(wait <= T) = 1 - C e^{-(n mu - lambda) T},
 * ASA = C / (n mu - lambda), occupancy = a / n. Unstable (a >= n): pWait 1, SL 0, ASA Infinity.
 * Textbook check: 100 calls / 1800 s, AHT 180 s, 14 agents, T 20 s -> P(wait) 0.1741, SL 0.8884, ASA 7.84 s.
 */
export function erlangCMetrics(p: QueueParams): QueueMetrics {
	return erlangCMetricsFromPw(p, erlangC(p.agents, p.arrivalRate * p.aht));
}

// ---------------------------------------------------------------------------------------------
// Erlang A (M/M/n+M)

/** Sums over the queue length k seen by an arrival that finds all agents busy (rescaled). */
interface ErlangASums {
	/** ln A(x, y) = ln sum_k q_k, q_k = prod_{i=1..k} y / (x + i). */
	lnA: number;
	/** P(abandon | waited) = sum q_k (k+1)/(x+k+1) / sum q_k. */
	abandonGivenWait: number;
	/** E[wait; answered | waited], seconds. */
	answeredWaitGivenWait: number;
}

function erlangASums(x: number, y: number, theta: number): ErlangASums {
	// With k contacts queued ahead, the tagged arrival is answered with probability x/(x+k+1)
	// and E[W; answered | k] = x/(x+k+1) * (1/theta) sum_{j=1}^{k+1} 1/(x+j).
	let q = 1;
	let s = 0;
	let sAb = 0;
	let sWa = 0;
	let harmonic = 0;
	let lnScale = 0;
	for (let k = 0; k < 50_000_000; k++) {
		if (k > 0) q *= y / (x + k);
		harmonic += 1 / (x + k + 1);
		const pAns = x / (x + k + 1);
		s += q;
		sAb += q * (1 - pAns);
		sWa += (q * pAns * harmonic) / theta;
		if (q > 1e250) {
			q *= 1e-250;
			s *= 1e-250;
			sAb *= 1e-250;
			sWa *= 1e-250;
			lnScale += 250 * Math.LN10;
		}
		// terms decrease once x + k > y; stop when negligible
		if (x + k + 1 > y && q < s * 1e-17) break;
	}
	return { lnA: Math.log(s) + lnScale, abandonGivenWait: sAb / s, answeredWaitGivenWait: sWa / s };
}

/**
 * Erlang A (M/M/n+M: Poisson arrivals, exponential service, exponential patience with mean 1/theta,
 * FCFS, abandon when patience runs out before an agent answers).
 *
 * With x = n mu / theta, y = lambda / theta, E = ErlangB(n, a) and A = sum_k prod_{i<=k} y/(x+i):
 * P(W > 0) = A E / (1 + (A - 1) E); P(abandon | W > 0) = 1 - 1/rho + 1/(rho A) (computed by a stable
 * sum); given W > 0, e^{-theta V} (V = the wait until an agent would answer) is Gamma(x, rate y)
 * truncated to (0, 1), which yields
 * P(answered within T | W > 0) = [gamma(x+1, y) - gamma(x+1, y e^{-theta T})] / (y gamma(x, y)).
 * SL counts contacts answered within T over all offered (abandons within T are not "within").
 * ASA is the mean wait of answered contacts; occupancy = lambda (1 - P(ab)) / (n mu).
 * Identity: P(abandon) = theta x E[wait of all offered]. patienceMean = Infinity gives Erlang C.
 */
export function erlangAMetrics(p: ErlangAParams): QueueMetrics {
	const { arrivalRate: lambda, aht, agents: n, slThreshold: t, patienceMean } = p;
	if (!(patienceMean < Infinity)) return erlangCMetrics(p);
	const load = lambda * aht;
	if (load <= 0) return erlangCMetricsFromPw(p, 0);
	const theta = 1 / patienceMean;
	const mu = 1 / aht;
	if (n === 0) {
		// everybody waits and abandons
		return {
			load,
			pWait: 1,
			pAbandon: 1,
			serviceLevel: 0,
			serviceLevelOfAnswered: 0,
			asa: 0,
			meanWaitAll: patienceMean,
			occupancy: 0,
			stable: true
		};
	}
	const x = (n * mu) / theta;
	const y = lambda / theta;
	const e = erlangB(n, load);
	const sums = erlangASums(x, y, theta);
	// P(W>0) = A E / (1 + (A-1) E) = 1 / (1 + (1 - E) / (E A))
	const pWait = e > 0 ? 1 / (1 + ((1 - e) / e) * Math.exp(-sums.lnA)) : 0;
	const pAbandon = pWait * sums.abandonGivenWait;
	const pAnswered = 1 - pAbandon;
	// answered within T among those who waited
	const lnGx = lnLowerGamma(x, y);
	const lnGx1 = lnLowerGamma(x + 1, y);
	const lnGx1T = lnLowerGamma(x + 1, y * Math.exp(-theta * t));
	const ansGivenWait = Math.exp(lnGx1 - Math.log(y) - lnGx);
	const ansWithinGivenWait = ansGivenWait * -Math.expm1(lnGx1T - lnGx1);
	const serviceLevel = 1 - pWait + pWait * ansWithinGivenWait;
	const asa = pAnswered > 0 ? (pWait * sums.answeredWaitGivenWait) / pAnswered : 0;
	return {
		load,
		pWait,
		pAbandon,
		serviceLevel,
		serviceLevelOfAnswered: pAnswered > 0 ? serviceLevel / pAnswered : 0,
		asa,
		meanWaitAll: pAbandon / theta,
		occupancy: Math.min(1, (load * pAnswered) / n),
		stable: true
	};
}

/**
 * Erlang A: probability that an offered contact's wait (until answered or abandoned) exceeds t seconds:
 * P(W > t) = P(W > 0) * P(V > t | W > 0) * e^{-theta t}, with
 * P(V > t | W > 0) = P(x, y e^{-theta t}) / P(x, y) (regularised lower incomplete gamma ratio).
 * Also gives the short-abandon share: P(abandon with wait < s) = P(W <= s) - P(answered within s).
 */
export function erlangAWaitTail(p: ErlangAParams, t: number): number {
	const { arrivalRate: lambda, aht, agents: n, patienceMean } = p;
	const load = lambda * aht;
	if (load <= 0) return 0;
	if (!(patienceMean < Infinity)) {
		const m = erlangCMetrics({ ...p, slThreshold: t });
		return m.stable ? m.pWait - (m.serviceLevel - (1 - m.pWait)) : 1;
	}
	const theta = 1 / patienceMean;
	if (n === 0) return Math.exp(-theta * t);
	const m = erlangAMetrics({ ...p, slThreshold: 0 });
	const x = n / aht / theta;
	const y = lambda / theta;
	if (t <= 0) return m.pWait;
	const ratio = Math.exp(lnLowerGamma(x, y * Math.exp(-theta * t)) - lnLowerGamma(x, y));
	return m.pWait * ratio * Math.exp(-theta * t);
}

// ---------------------------------------------------------------------------------------------
// Staffing

/** Target of the staffing solver. */
export interface StaffingTarget {
	/** Arrival rate, contacts per second. */
	arrivalRate: number;
	/** Mean handle time, seconds. */
	aht: number;
	/** SL threshold T, seconds. */
	slThreshold: number;
	/** Target service level, fraction of offered answered within T (0..1). */
	targetServiceLevel: number;
	/** Maximum occupancy allowed (0..1], default 1 (no cap). */
	maxOccupancy?: number;
	/** Mean patience, seconds: finite -> Erlang A, Infinity/undefined -> Erlang C. */
	patienceMean?: number;
	/** Upper bound of the search (default 100000). */
	maxAgents?: number;
}

/**
 * Fewest agents n such that the service level (answered within T, of offered) is >= the target and
 * occupancy <= maxOccupancy, by Erlang C (patienceMean undefined/Infinity) or Erlang A.
 * Returns 0 when there is no traffic. SL is increasing in n, so the first n that passes is the fewest.
 * Returns maxAgents if the target is unreachable (e.g. an Erlang A target above the possible SL).
 */
export function requiredAgents(target: StaffingTarget): number {
	const { arrivalRate: lambda, aht, slThreshold, targetServiceLevel } = target;
	const cap = target.maxOccupancy ?? 1;
	const maxN = target.maxAgents ?? 100000;
	const load = lambda * aht;
	if (load <= 0) return 0;
	const patience = target.patienceMean ?? Infinity;
	const erlangA = patience < Infinity;
	// occupancy cap lower bound (for Erlang C occupancy = a/n exactly; Erlang A's is lower, so
	// the bound is only a starting point there)
	let n: number;
	if (!erlangA) {
		const start = Math.floor(load) + 1; // Erlang C needs n > a
		let b = erlangB(start, load);
		for (n = start; n <= maxN; n++) {
			if (n > start) b = (load * b) / (n + load * b);
			const pw = erlangCFromB(n, load, b);
			const m = erlangCMetricsFromPw({ arrivalRate: lambda, aht, agents: n, slThreshold }, pw);
			if (m.serviceLevel >= targetServiceLevel && m.occupancy <= cap) return n;
		}
		return maxN;
	}
	// Erlang A: start near the load (SL below target for much smaller n in practice), then step.
	const passes = (agents: number) => {
		const m = erlangAMetrics({ arrivalRate: lambda, aht, agents, slThreshold, patienceMean: patience });
		return m.serviceLevel >= targetServiceLevel && m.occupancy <= cap;
	};
	for (n = Math.max(1, Math.floor(load * Math.min(1, cap) * 0.5)); n <= maxN; n++) {
		if (passes(n)) {
			// step back in case the start was already too high
			while (n > 1 && passes(n - 1)) n--;
			return n;
		}
	}
	return maxN;
}
