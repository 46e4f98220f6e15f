/**
 * The workshop's slides in order. Each slide shows its results one step at a time: `reveals` is
 * how many presses of "next" it takes to uncover all of them before the next slide.
 */
export interface Slide {
	id: string;
	/** 0 is the opening (title and setup); 1-5 are the workshop's chapters. */
	chapter: number;
	title: string;
	reveals: number;
}

export const CHAPTERS = [
	'Before the room arrives',
	'The contract as signed',
	'The reveal',
	'The balanced scorecard',
	'The vendor plays',
	'Your turn: design a draft'
] as const;

export const SLIDES: readonly Slide[] = [
	{ id: 'title', chapter: 0, title: 'When the SLA is met and the customers leave', reveals: 0 },
	{ id: 'signed', chapter: 1, title: 'The contract the client signed', reveals: 0 },
	{ id: 'predict', chapter: 1, title: 'What will happen? The room predicts', reveals: 0 },
	// one reveal per prediction, then the verdict
	{ id: 'reveal', chapter: 2, title: 'What happened: prediction against simulation', reveals: 5 },
	{ id: 'balanced', chapter: 3, title: 'The redesign: a balanced scorecard', reveals: 0 },
	// service level, repeats, satisfaction, vendor margin, client cost, then the verdict
	{ id: 'compare', chapter: 3, title: 'Same customers, two contracts', reveals: 6 },
	// the question, each contract's best response, the lesson
	{ id: 'vendor', chapter: 4, title: 'The vendor plays: its most profitable response', reveals: 3 },
	{ id: 'brief', chapter: 5, title: 'Your turn: design a draft', reveals: 0 },
	{ id: 'entries', chapter: 5, title: "The teams' drafts", reveals: 0 },
	// as planned, with the vendor playing, the table of outcomes
	{ id: 'ranking', chapter: 5, title: 'Which draft works best for the client?', reveals: 3 },
	{ id: 'end', chapter: 5, title: 'What to take away', reveals: 0 }
];
