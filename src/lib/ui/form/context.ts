import { getContext, setContext } from 'svelte';
import type { Path } from './jsonschema';

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
	idPrefix: string;
}

const KEY = Symbol('schema-form');
export const setFormContext = (ctx: FormContext) => setContext(KEY, ctx);
export const getFormContext = () => getContext<FormContext>(KEY);
