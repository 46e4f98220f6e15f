import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The pure core runs unchanged in Node, tests and workers: no DOM, Svelte or comlink.
		files: ['src/lib/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '$lib/*', 'comlink', 'comlink/*', 'd3*', 'node:*'],
							message: 'The core is pure: no Svelte, comlink, d3 or Node imports.'
						}
					]
				}
			],
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'navigator',
				'self',
				'localStorage',
				'indexedDB'
			]
		}
	},
	{ ignores: ['build/', 'dist-node/', '.svelte-kit/', 'node_modules/', 'test-results/', '.scratch*/'] }
);
