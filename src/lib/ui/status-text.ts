/** The page footer's line about the simulation, in words a user understands. */
export function simulationStatusText(
	status: 'starting' | 'ready' | 'failed',
	workers: number,
	failure = ''
): string {
	if (status === 'starting') return 'Getting the simulation ready...';
	if (status === 'failed')
		return `The simulation could not start in this browser, so nothing can be computed (${failure || 'no reason given'}). Try reloading the page or another browser.`;
	return `Ready to simulate: ${workers} ${workers === 1 ? 'simulation runs' : 'simulations run'} side by side in this browser, and nothing leaves your computer.`;
}
