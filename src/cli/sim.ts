/**
 * `npm run sim -- <command> ...`: the command-line face of the same engine the app uses.
 * Each command lives in ./commands/<name>.ts and exports `run(argv: string[]): Promise<number>`
 * returning the process exit code. Bad input prints a clear message to stderr and exits non-zero.
 */
type Command = { run(argv: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
	erlang: () => import('./commands/erlang'),
	run: () => import('./commands/run'),
	'best-response': () => import('./commands/best-response'),
	sensitivity: () => import('./commands/sensitivity'),
	sweep: () => import('./commands/sweep'),
	design: () => import('./commands/design')
};

async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || !(name in commands)) {
		const list = await Promise.all(
			Object.entries(commands).map(async ([n, load]) => `  ${n.padEnd(16)}${(await load()).summary}`)
		);
		const msg = `usage: npm run sim -- <command> [options]\n\ncommands:\n${list.join('\n')}\n`;
		if (name && name !== '--help' && name !== '-h') {
			process.stderr.write(`sim: unknown command "${name}"\n\n${msg}`);
			return 2;
		}
		process.stdout.write(msg);
		return name ? 0 : 2;
	}
	return (await commands[name]()).run(rest);
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(err) => {
		process.stderr.write(`sim: ${err instanceof Error ? err.message : String(err)}\n`);
		process.exit(1);
	}
);
