/**
 * The user's work is never lost: the current workspace autosaves to IndexedDB, and named workspaces
 * are kept in a library. A tiny promise wrapper over IndexedDB (two object stores), browser only.
 */
const DB_NAME = 'sla-sandbox';
const DB_VERSION = 1;
const CURRENT = 'current';
const LIBRARY = 'library';

export interface SavedWorkspace {
	id: string;
	name: string;
	savedAt: string;
	scenario: unknown;
}

let dbPromise: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
	dbPromise ??= new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, DB_VERSION);
		req.onupgradeneeded = () => {
			const d = req.result;
			if (!d.objectStoreNames.contains(CURRENT)) d.createObjectStore(CURRENT);
			if (!d.objectStoreNames.contains(LIBRARY)) d.createObjectStore(LIBRARY, { keyPath: 'id' });
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	return dbPromise;
}

function request<T>(
	store: string,
	mode: IDBTransactionMode,
	op: (s: IDBObjectStore) => IDBRequest
): Promise<T> {
	return db().then(
		(d) =>
			new Promise<T>((resolve, reject) => {
				const tx = d.transaction(store, mode);
				const req = op(tx.objectStore(store));
				tx.oncomplete = () => resolve(req.result as T);
				tx.onerror = () => reject(tx.error);
				tx.onabort = () => reject(tx.error);
			})
	);
}

export const storage = {
	saveCurrent: (scenario: unknown) =>
		request<void>(CURRENT, 'readwrite', (s) => s.put(scenario, 'workspace')),
	loadCurrent: () => request<unknown>(CURRENT, 'readonly', (s) => s.get('workspace')),
	list: () =>
		request<SavedWorkspace[]>(LIBRARY, 'readonly', (s) => s.getAll()).then((all) =>
			all.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
		),
	save: (entry: SavedWorkspace) => request<void>(LIBRARY, 'readwrite', (s) => s.put(entry)),
	remove: (id: string) => request<void>(LIBRARY, 'readwrite', (s) => s.delete(id))
};
