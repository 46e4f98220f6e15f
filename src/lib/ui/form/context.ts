import { getContext, setContext } from 'svelte';
import { pathKey, type Path } from './jsonschema';

export interface FieldNote {
	label?: string;
	unit?: string;
	help?: string;
	source?: string;
}

/** What every field of a form needs: where to write, the errors by path, and notes for labels. */
export interface FormContext {
	set(path: Path, value: unknown): void;
	errorsAt(path: Path): string[];
	note(path: Path): FieldNote | undefined;
	/** The current value at a path (a field reads its siblings, e.g. a target reads its metric). */
	valueAt(path: Path): unknown;
	idPrefix: string;
}

/** The id of a field's input (or a group's fieldset): the problem summary jumps to it. */
export const fieldId = (idPrefix: string, path: Path) =>
	`${idPrefix}-${pathKey(path).replace(/[^a-zA-Z0-9_-]/g, '-')}`;

const KEY = Symbol('schema-form');
export const setFormContext = (ctx: FormContext) => setContext(KEY, ctx);
export const getFormContext = () => getContext<FormContext>(KEY);
