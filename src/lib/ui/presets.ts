/** The preset scenarios of `scenarios/`, bundled into the app. */
export const DEFAULT_PRESET_ID = 'ecommerce-case';

const files = import.meta.glob('/scenarios/*.json', { eager: true, import: 'default' }) as Record<
	string,
	unknown
>;

export interface Preset {
	id: string;
	name: string;
	description: string;
	scenario: unknown;
}

export const PRESETS: Preset[] = Object.entries(files)
	.map(([path, scenario]) => {
		const s = scenario as { name?: string; description?: string };
		return {
			id: path.replace(/^.*\//, '').replace(/\.json$/, ''),
			name: s.name ?? path,
			description: s.description ?? '',
			scenario
		};
	})
	.sort((a, b) =>
		a.id === DEFAULT_PRESET_ID ? -1 : b.id === DEFAULT_PRESET_ID ? 1 : a.id.localeCompare(b.id)
	);
