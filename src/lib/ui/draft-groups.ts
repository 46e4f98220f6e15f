/**
 * A draft's fields as the editor groups them: one group per kind of clause. The workshop lets a
 * facilitator pick which groups teams may negotiate; the editor then shows only those.
 */
export interface DraftGroup {
	id: string;
	title: string;
	/** The draft's top-level fields in this group. */
	keys: string[];
	help: string;
}

export const DRAFT_GROUPS: readonly DraftGroup[] = [
	{
		id: 'name',
		title: 'Name',
		keys: ['name', 'description'],
		help: 'What this draft is called in every table and chart.'
	},
	{
		id: 'targets',
		title: 'Service and quality targets',
		keys: ['metrics'],
		help: 'What the contract measures, the target, the window and the share of the at-risk pool tied to it.'
	},
	{ id: 'price', title: 'Price', keys: ['price'], help: 'How the vendor is paid.' },
	{
		id: 'atRisk',
		title: 'At-risk pool and credits',
		keys: ['atRisk', 'earnBack'],
		help: 'How much of the invoice is at risk, and whether credits can be earned back.'
	},
	{ id: 'bonuses', title: 'Bonuses', keys: ['bonuses'], help: 'Money the client pays for good outcomes.' },
	{
		id: 'clauses',
		title: 'Clauses',
		keys: ['volumeRelief', 'shortAbandonSeconds'],
		help: 'Volume relief when the client under-forecasts; which abandons count.'
	},
	{
		id: 'scorecard',
		title: 'Agent scorecard',
		keys: ['scorecard'],
		help: 'What agents are coached and scored on. "Mirror" follows the money in this draft.'
	},
	{
		id: 'vendor',
		title: 'Vendor levers',
		keys: ['vendor'],
		help: 'How the vendor staffs and coaches (a best-response search can choose these).'
	}
];

/** Limits the editor to some drafts' tabs and some clause groups (by id); shared assumptions are hidden. */
export interface EditorRestriction {
	drafts: number[];
	groups: string[];
}
