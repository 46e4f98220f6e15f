/** Save a file the app made (a chart, the results CSV, a scenario) through the browser's download. */
export function downloadBlob(blob: Blob, name: string, ext: string): void {
	const base = name.replace(/[^\w\- .]+/g, '_').trim() || 'download';
	const filename = base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.appendChild(a);
	a.click();
	a.remove();
	// Revoke later: some browsers read the URL after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
