/**
 * The engine's fast path for a single-day queue with every behavioural mechanism off (the textbook
 * M/M/n and M/M/n+M queues of `textbookConfig`, and presets like them): one intent, one attempt per
 * issue, identical agents, a constant roster, no absence, dumps, surveys, QA or churn, and the 'stop'
 * close rule. `simulate` (engine.ts) sends such configs here after the usual setup.
 *
 * It writes the same table, bit for bit, as the general event loop (test/unit/engine-textbook.test.ts
 * checks it): the same events in the same (time, sequence) order through the same calendar, the same
 * random numbers, the same floating-point sums in the same order. It is faster because it keeps its
 * state in local variables, treats agents as interchangeable (a stack of idle ones), and writes only
 * the table columns that differ: with one attempt and every answered contact resolved, the columns
 * that merely repeat a count (first contacts = offered; issues handled, resolved, attempt sum, ... =
 * handled; give-ups = abandoned) are copied once at the end.
 */
import { F, FIELD_COUNT } from './fields';
import { DistKind } from './engine-config';
import { ALEA_A, TWO_M32, U_OPEN_MIN, type Stream } from './rng';
import { ZIGGURAT } from './distributions';
import type { Sim, SimResult } from './engine';

const FC = FIELD_COUNT;
// the engine's event types (a boundary is any other) and issue states (engine.ts)
const EV_ABANDON = 2;
const EV_END = 3;
const S_FREE = 0;
const S_WAITING = 1;
const S_SERVICE = 2;

const DK_DETERMINISTIC = DistKind.DETERMINISTIC;
const DK_GAMMA = DistKind.GAMMA;
const DK_EXPONENTIAL = DistKind.EXPONENTIAL;
const DK_NEVER = DistKind.NEVER;
const ALEA_MUL = ALEA_A;
const ALEA_2M32 = TWO_M32;
const zigK = ZIGGURAT.k;
const zigW = ZIGGURAT.w;
const zigF = ZIGGURAT.f;
const ZIG_R = ZIGGURAT.r;

const FLD_OFFERED = F.OFFERED;
const FLD_ANSWERED = F.ANSWERED;
const FLD_WITHIN = F.ANSWERED_WITHIN_T;
const FLD_WAITED = F.WAITED;
const FLD_ABANDONED = F.ABANDONED;
const FLD_ABANDONED_SHORT = F.ABANDONED_SHORT;
const FLD_ABANDONED_WITHIN_T = F.ABANDONED_WITHIN_T;
const FLD_WAIT_ANS = F.WAIT_SUM_ANSWERED;
const FLD_WAIT_AB = F.WAIT_SUM_ABANDONED;
const FLD_HANDLED = F.HANDLED;
const FLD_HSUM = F.HANDLE_SUM;
const FLD_HSQ = F.HANDLE_SUMSQ;
const FLD_SAT = F.SAT_PROB_SUM;
const FLD_QA_TRUE = F.QA_TRUE_SUM;
const FLD_ON_PHONES = F.AGENTS_ON_PHONES;
const FLD_QUEUE_AREA = F.QUEUE_AREA;
const FLD_BUSY = F.BUSY_SECONDS;
const FLD_STAFFED = F.STAFFED_SECONDS;
/** Columns equal to OFFERED, to HANDLED and to ABANDONED on this path. */
const SAME_AS_OFFERED = [F.OFFERED_FIRST];
const SAME_AS_HANDLED = [
	F.ATTEMPT_SUM,
	F.ISSUES_HANDLED,
	F.HANDLED_ATTEMPT_1,
	F.RESOLVED,
	F.RESOLVED_ATTEMPT_1,
	F.ISSUES_RESOLVED
];
const SAME_AS_ABANDONED = [F.GIVE_UPS];

/**
 * Whether the set-up simulation `sim` may take the fast path: every mechanism the path leaves out is
 * off. Read after setup (agents' skills, samplers and `resolveAlways` are known then).
 */
export function textbookPathApplies(sim: Sim): boolean {
	const c = sim.c;
	if (sim.probe !== null || sim.hook !== null) return false;
	if (c.days !== 1 || c.closeRule !== 'stop' || c.intents.length !== 1 || c.maxAttempts !== 1) return false;
	if (c.absenteeism !== 0 || c.dumpProb !== 0 || c.surveyRate !== 0 || sim.qaCount !== 0) return false;
	if (c.churnOnGiveUp !== 0 || c.churnOnAbandon !== 0 || !sim.resolveAlways) return false;
	if (sim.patience.kind === DK_GAMMA || sim.work[0].kind === DK_GAMMA) return false;
	if (sim.acw[0].kind !== DK_DETERMINISTIC) return false;
	const planned = c.agentsPlanned[0];
	for (let k = 1; k < sim.rows; k++) if (c.agentsPlanned[k] !== planned) return false;
	for (let a = 0; a < planned; a++) if (sim.aSpeed[a] !== 1) return false;
	return true;
}

/** Run the set-up simulation `sim` (for which `textbookPathApplies`) to the end. */
export function runTextbook(sim: Sim): SimResult {
	const c = sim.c;
	const heap = sim.heap;
	let hTime = heap.time;
	let hSeq = heap.seq;
	let hData = heap.data;
	const tab = sim.tab;
	const rows = sim.rows;
	const tEnd = sim.tEnd;
	const ipd = c.intervalsPerDay;
	const lastBoundary = c.days * (ipd + 1);
	const slT = c.slThresholdSec;
	const shortAb = c.shortAbandonSec;
	const effort = c.effort;
	const acw = sim.acw[0].a;
	const work = sim.work[0];
	const patience = sim.patience;
	const patienceNever = patience.kind === DK_NEVER;
	// exponentials inline, as Sampler.sample computes them (a call would box its double result)
	const workExp = work.kind === DK_EXPONENTIAL;
	const workMean = work.a;
	const patienceExp = patience.kind === DK_EXPONENTIAL;
	const patienceMean = patience.a;
	const scratch = sim.scratch;
	const sc = c.satisfaction;
	const satBase = sc.base;
	const waitPenalty = sc.waitPenaltyPerMin;
	const rushFactor = effort < 1 ? 1 - sc.rushPenalty * (1 - effort) : 1;
	const qaScore = c.qaScore;
	const planned = c.agentsPlanned[0];
	const sArr = sim.sArr;
	const cust = sim.sCust;
	let cs0 = cust.s0;
	let cs1 = cust.s1;
	let cs2 = cust.s2;
	let ccw = cust.c * ALEA_2M32;

	// agents are interchangeable here: the idle ones on a stack, the busy ones' contact by agent
	const idle = new Int32Array(planned + 1);
	let idleCount = 0;
	const aIssue = sim.aIssue;
	const aRow = sim.aRow;
	const aHandle = sim.aHandle;
	let busy = 0;
	let staffed = 0;
	let onDuty = false;
	let closed = true;

	// issues and the FCFS queue (a ring of issue ids and contact tokens; abandoned entries stay, dead)
	let iState = sim.iState;
	let iToken = sim.iToken;
	let iArrT = sim.iArrT;
	let iArrRow = sim.iArrRow;
	let iDeadline = sim.iDeadline;
	let freeList = sim.freeList;
	let qIds = sim.qIds;
	let qTok = sim.qTok;
	let qMask = qIds.length - 1;
	let qHead = 0;
	let qTail = 0;
	let qLen = 0;

	let lastT = 0;
	let accRow = 0;
	let qArea = 0;
	let busyArea = 0;
	let staffArea = 0;
	let contacts = 0;
	let issues = 0;
	let events = 0;

	const rate = sim.effRate;
	const rowStart = sim.rowStart;
	const rowLen = c.intervalSec;
	sim.pushBoundary(0);
	hTime = heap.time;
	hSeq = heap.seq;
	hData = heap.data;
	let tArr = sim.nextFirstArrival();
	let arrRow = sim.arrRow;
	let arrPos = sim.arrPos;
	let as0 = sArr.s0;
	let as1 = sArr.s1;
	let as2 = sArr.s2;
	let arrCw = sArr.c * ALEA_2M32;
	for (;;) {
		const th = heap.size > 0 ? hTime[0] : Infinity;
		const isArr = tArr < th;
		const t = isArr ? tArr : th;
		if (!(t < Infinity) || t >= tEnd) break;
		let d = 0;
		let pushT = 0;
		let pushD = -1;
		if (!isArr) {
			// heap.pop inline (heap.ts: the hole moves down along the smaller children, the last entry
			// sifts up from the leaf it reaches)
			d = hData[0];
			const n = --heap.size;
			if (n > 0) {
				const lt = hTime[n];
				const ls = hSeq[n];
				const ld = hData[n];
				let i = 0;
				let ch = 1;
				while (ch < n) {
					const r = ch + 1;
					if (r < n && (hTime[r] < hTime[ch] || (hTime[r] === hTime[ch] && hSeq[r] < hSeq[ch]))) ch = r;
					hTime[i] = hTime[ch];
					hSeq[i] = hSeq[ch];
					hData[i] = hData[ch];
					i = ch;
					ch = 2 * i + 1;
				}
				while (i > 0) {
					const p = (i - 1) >> 1;
					const ptp = hTime[p];
					if (ptp < lt || (ptp === lt && hSeq[p] < ls)) break;
					hTime[i] = ptp;
					hSeq[i] = hSeq[p];
					hData[i] = hData[p];
					i = p;
				}
				hTime[i] = lt;
				hSeq[i] = ls;
				hData[i] = ld;
			}
		}
		events++;
		const dt = t - lastT;
		if (dt > 0) {
			qArea += qLen * dt;
			busyArea += busy * dt;
			staffArea += staffed * dt;
			lastT = t;
		}
		if (isArr) {
			const row = arrRow;
			// a new issue (engine.ts newIssue): its stream is seeded by three draws of 'customers'
			let i: number;
			if (sim.freeTop > 0) i = freeList[--sim.freeTop];
			else {
				if (sim.nextIssue === sim.cap) {
					sim.growIssues(sim.cap * 2);
					iState = sim.iState;
					iToken = sim.iToken;
					iArrT = sim.iArrT;
					iArrRow = sim.iArrRow;
					iDeadline = sim.iDeadline;
					freeList = sim.freeList;
				}
				i = sim.nextIssue++;
			}
			issues++;
			for (let k = 0; k < 3; k++) {
				const y = ALEA_MUL * cs0;
				let fl = Math.floor(y);
				let f = y - fl + ccw;
				if (f >= 1) {
					f -= 1;
					fl += 1;
				}
				ccw = fl * ALEA_2M32;
				cs0 = cs1;
				cs1 = cs2;
				cs2 = f;
			}
			// the attempt's first two uniforms from the issue's stream (c = 1): patience, work
			let y = ALEA_MUL * cs0;
			let fl = Math.floor(y);
			let u0 = y - fl + ALEA_2M32;
			if (u0 >= 1) {
				u0 -= 1;
				fl += 1;
			}
			y = ALEA_MUL * cs1;
			let u1 = y - Math.floor(y) + fl * ALEA_2M32;
			if (u1 >= 1) u1 -= 1;
			// the next first contact (engine.ts nextFirstArrival, inline)
			let e = 0;
			for (;;) {
				// distributions.ts expZiggurat with the 'arrivals' stream's alea step (rng.ts) inline, in
				// locals (calls and object fields would box the doubles: allocations per contact)
				let y = ALEA_MUL * as0;
				let fl = Math.floor(y);
				let f = y - fl + arrCw;
				if (f >= 1) {
					f -= 1;
					fl += 1;
				}
				arrCw = fl * ALEA_2M32;
				as0 = as1;
				as1 = as2;
				as2 = f;
				const jz = f * 4294967296;
				const iz = jz & 255;
				const jv = jz >>> 8;
				const x = jv * zigW[iz];
				if (jv < zigK[iz]) {
					e = x;
					break;
				}
				// both rare branches take one more draw
				y = ALEA_MUL * as0;
				fl = Math.floor(y);
				f = y - fl + arrCw;
				if (f >= 1) {
					f -= 1;
					fl += 1;
				}
				arrCw = fl * ALEA_2M32;
				as0 = as1;
				as1 = as2;
				as2 = f;
				if (iz === 0) {
					e = ZIG_R - Math.log(f > 0 ? f : U_OPEN_MIN);
					break;
				}
				if (zigF[iz] + f * (zigF[iz - 1] - zigF[iz]) < Math.exp(-x)) {
					e = x;
					break;
				}
			}
			tArr = Infinity;
			while (arrRow < rows) {
				const r = rate[arrRow];
				const avail = r * (rowStart[arrRow] + rowLen - arrPos);
				if (e < avail) {
					arrPos += e / r;
					tArr = arrPos;
					break;
				}
				e -= avail;
				arrRow++;
				arrPos = rowStart[arrRow];
			}
			contacts++;
			tab[row * FC + FLD_OFFERED]++;
			iArrT[i] = t;
			const w = workExp ? -workMean * Math.log(1 - u1) : work.sample(u1, scratch);
			if (idleCount > 0) {
				// answered at once (wait 0)
				const a = idle[--idleCount];
				const b = row * FC;
				tab[b + FLD_ANSWERED]++;
				if (0 <= slT) tab[b + FLD_WITHIN]++;
				iState[i] = S_SERVICE;
				const h = effort * w + acw;
				busy++;
				aIssue[a] = i;
				aRow[a] = accRow;
				aHandle[a] = h;
				pushT = t + h;
				pushD = a * 8 + EV_END;
			} else {
				iState[i] = S_WAITING;
				iToken[i] = contacts | 0;
				iArrRow[i] = row;
				sim.iWork[i] = w;
				if (!patienceNever) {
					const dl = t + (patienceExp ? -patienceMean * Math.log(1 - u0) : patience.sample(u0, scratch));
					iDeadline[i] = dl;
					pushT = dl;
					pushD = i * 8 + EV_ABANDON;
				}
				if (((qTail - qHead) & qMask) === qMask) {
					sim.qHead = qHead;
					sim.qTail = qTail;
					sim.growQueue();
					qIds = sim.qIds;
					qTok = sim.qTok;
					qMask = qIds.length - 1;
					qHead = sim.qHead;
					qTail = sim.qTail;
				}
				qIds[qTail] = i;
				qTok[qTail] = contacts | 0;
				qTail = (qTail + 1) & qMask;
				qLen++;
			}
		} else if ((d & 7) === EV_END) {
			const a = d >> 3;
			const i = aIssue[a];
			const b = aRow[a] * FC;
			const h = aHandle[a];
			tab[b + FLD_HANDLED]++;
			tab[b + FLD_HSUM] += h;
			tab[b + FLD_HSQ] += h * h;
			let ps = satBase;
			if (waitPenalty > 0) {
				const wf = 1 - (waitPenalty * (t - h - iArrT[i])) / 60;
				ps *= wf > 0 ? wf : 0;
			}
			if (rushFactor !== 1) ps *= rushFactor;
			if (ps > 1) ps = 1;
			else if (ps < 0) ps = 0;
			tab[b + FLD_SAT] += ps;
			tab[b + FLD_QA_TRUE] += qaScore;
			iState[i] = S_FREE;
			freeList[sim.freeTop++] = i;
			busy--;
			if (qLen > 0 && (onDuty || closed)) {
				// the next live contact from the queue head
				let j = qIds[qHead];
				while (iState[j] !== S_WAITING || iToken[j] !== qTok[qHead]) {
					qHead = (qHead + 1) & qMask;
					j = qIds[qHead];
				}
				qHead = (qHead + 1) & qMask;
				qLen--;
				const wait = t - iArrT[j];
				const bj = iArrRow[j] * FC;
				tab[bj + FLD_ANSWERED]++;
				if (wait <= slT) tab[bj + FLD_WITHIN]++;
				if (wait > 0) {
					tab[bj + FLD_WAITED]++;
					tab[bj + FLD_WAIT_ANS] += wait;
				}
				iState[j] = S_SERVICE;
				const hj = effort * sim.iWork[j] + acw;
				busy++;
				aIssue[a] = j;
				aRow[a] = accRow;
				aHandle[a] = hj;
				pushT = t + hj;
				pushD = a * 8 + EV_END;
			} else if (onDuty) idle[idleCount++] = a;
			else staffed--;
		} else if ((d & 7) === EV_ABANDON) {
			const id = d >> 3;
			if (iState[id] === S_WAITING && iDeadline[id] === t) {
				const wait = t - iArrT[id];
				const b = iArrRow[id] * FC;
				tab[b + FLD_ABANDONED]++;
				if (wait < shortAb) tab[b + FLD_ABANDONED_SHORT]++;
				if (wait <= slT) tab[b + FLD_ABANDONED_WITHIN_T]++;
				if (wait > 0) tab[b + FLD_WAITED]++;
				tab[b + FLD_WAIT_AB] += wait;
				qLen--;
				iState[id] = S_FREE;
				freeList[sim.freeTop++] = id;
			}
		} else {
			// a boundary (engine.ts boundary): bi = j on the single day; j = ipd is the close
			const j = d >> 3;
			if (j + 1 < lastBoundary) {
				sim.pushBoundary(j + 1);
				hTime = heap.time; // the push may have grown the arrays
				hSeq = heap.seq;
				hData = heap.data;
			}
			if (j === ipd) {
				closed = true;
				onDuty = false;
				staffed -= idleCount;
				idleCount = 0;
			} else {
				const b = accRow * FC;
				tab[b + FLD_QUEUE_AREA] += qArea;
				tab[b + FLD_BUSY] += busyArea;
				tab[b + FLD_STAFFED] += staffArea;
				qArea = busyArea = staffArea = 0;
				accRow = j;
				if (j === 0) {
					closed = false;
					onDuty = true;
					for (let a = planned - 1; a >= 0; a--) idle[idleCount++] = a;
					staffed += planned;
				}
				tab[j * FC + FLD_ON_PHONES] = planned;
				// the roster does not change, so idle agents never meet a waiting queue here
			}
		}
		if (pushD >= 0) {
			// heap.push inline, the one push an event makes here (a double passed to a call V8 does not
			// inline is boxed: one allocation per event)
			if (heap.size === hTime.length) {
				heap.grow();
				hTime = heap.time;
				hSeq = heap.seq;
				hData = heap.data;
			}
			const sq = heap.nextSeq++;
			let n = heap.size++;
			while (n > 0) {
				const p = (n - 1) >> 1;
				const pt = hTime[p];
				if (pt < pushT || (pt === pushT && hSeq[p] < sq)) break;
				hTime[n] = pt;
				hSeq[n] = hSeq[p];
				hData[n] = hData[p];
				n = p;
			}
			hTime[n] = pushT;
			hSeq[n] = sq;
			hData[n] = pushD;
		}
	}
	// the rest in helpers: code after the loop, inlined here, would deoptimise the loop's code each run
	saveAlea(cust, cs0, cs1, cs2, ccw);
	saveAlea(sArr, as0, as1, as2, arrCw);
	flushAreas(tab, accRow, qLen, busy, staffed, tEnd - lastT, qArea, busyArea, staffArea);
	copyRepeatedColumns(tab, rows);
	sim.qHead = qHead;
	sim.qTail = qTail;
	const waiting = waitingAtEnd(sim);
	sim.issues = issues;
	sim.contacts = contacts;
	sim.events = events;
	return {
		table: tab,
		contacts,
		waitingAtEnd: waiting,
		inServiceAtEnd: busy,
		issues,
		events,
		endTime: tEnd,
		openAfterAttempt: new Float64Array(4)
	};
}

/** A stream's alea state back from locals (`cw` = carry x 2^-32). */
function saveAlea(s: Stream, s0: number, s1: number, s2: number, cw: number): void {
	s.s0 = s0;
	s.s1 = s1;
	s.s2 = s2;
	s.c = cw / ALEA_2M32;
}

/** The time integrals up to the end (`dt` after the last event) into the last row reached. */
function flushAreas(
	tab: Float64Array,
	row: number,
	qLen: number,
	busy: number,
	staffed: number,
	dt: number,
	qArea: number,
	busyArea: number,
	staffArea: number
): void {
	if (dt > 0) {
		qArea += qLen * dt;
		busyArea += busy * dt;
		staffArea += staffed * dt;
	}
	const b = row * FC;
	tab[b + FLD_QUEUE_AREA] += qArea;
	tab[b + FLD_BUSY] += busyArea;
	tab[b + FLD_STAFFED] += staffArea;
}

/** The columns that repeat a count on this path (see the file's comment). */
function copyRepeatedColumns(tab: Float64Array, rows: number): void {
	for (let k = 0; k < rows; k++) {
		const r = k * FC;
		for (const f of SAME_AS_OFFERED) tab[r + f] = tab[r + FLD_OFFERED];
		for (const f of SAME_AS_HANDLED) tab[r + f] = tab[r + FLD_HANDLED];
		for (const f of SAME_AS_ABANDONED) tab[r + f] = tab[r + FLD_ABANDONED];
	}
}

/** Live contacts left in the queue ring (sim.qHead .. sim.qTail). */
function waitingAtEnd(sim: Sim): number {
	const m = sim.qIds.length - 1;
	let waiting = 0;
	for (let p = sim.qHead; p !== sim.qTail; p = (p + 1) & m) {
		const i = sim.qIds[p];
		if (sim.iState[i] === S_WAITING && sim.iToken[i] === sim.qTok[p]) waiting++;
	}
	return waiting;
}
