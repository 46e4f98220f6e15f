/**
 * The user's work is never lost: the current workspace autosaves to IndexedDB, and named workspaces
 * are kept in a library. Two object stores, opened through `idb`; browser only.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface SavedWorkspace {
	id: string;
	name: string;
	savedAt: string;
	scenario: unknown;
}

interface SandboxDB extends DBSchema {
	/** The autosaved workspace, under the key 'workspace', and its undo history under 'history'. */
	current: { key: string; value: unknown };
	library: { key: string; value: SavedWorkspace };
}

let dbPromise: Promise<IDBPDatabase<SandboxDB>> | null = null;

function db(): Promise<IDBPDatabase<SandboxDB>> {
	dbPromise ??= openDB<SandboxDB>('sla-sandbox', 1, {
		upgrade(d) {
			if (!d.objectStoreNames.contains('current')) d.createObjectStore('current');
			if (!d.objectStoreNames.contains('library')) d.createObjectStore('library', { keyPath: 'id' });
		}
	});
	return dbPromise;
}

export const storage = {
	saveCurrent: async (scenario: unknown): Promise<void> => {
		await (await db()).put('current', scenario, 'workspace');
	},
	loadCurrent: async (): Promise<unknown> => (await db()).get('current', 'workspace'),
	/** The undo history of the autosaved workspace, under the key 'history' (see workspace.svelte.ts). */
	saveHistory: async (history: unknown): Promise<void> => {
		await (await db()).put('current', history, 'history');
	},
	loadHistory: async (): Promise<unknown> => (await db()).get('current', 'history'),
	list: async (): Promise<SavedWorkspace[]> =>
		(await (await db()).getAll('library')).sort((a, b) => b.savedAt.localeCompare(a.savedAt)),
	save: async (entry: SavedWorkspace): Promise<void> => {
		await (await db()).put('library', entry);
	},
	remove: async (id: string): Promise<void> => {
		await (await db()).delete('library', id);
	}
};
