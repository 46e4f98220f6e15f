/**
 * Export a chart's SVG as a stand-alone SVG or PNG file. The live SVG is styled by the page's CSS
 * (custom properties for the palette, classes for text), which a downloaded file does not have, so
 * the clone gets each element's computed paint and font inlined. Elements with the attribute
 * `data-no-export` (hover and focus highlights) are left out.
 */
import { downloadBlob } from '../download';

const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'visibility',
	'display'
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ExportOptions {
	/** A title drawn above the chart in the file (the page shows it in HTML, outside the SVG). */
	title?: string;
	/** A line under the chart in the file: which scenario and seed its numbers come from. */
	credit?: string;
	/** Background colour; charts are drawn for a white page. */
	background?: string;
}

/** The SVG as a stand-alone document string, with computed styles inlined; also its pixel size. */
export function serializeSvg(
	svg: SVGSVGElement,
	opts: ExportOptions = {}
): { text: string; width: number; height: number } {
	const box = svg.getBoundingClientRect();
	const width = Math.round(box.width || Number(svg.getAttribute('width')) || 800);
	const height = Math.round(box.height || Number(svg.getAttribute('height')) || 400);
	const clone = svg.cloneNode(true) as SVGSVGElement;

	// Inline computed styles: walk the original and the clone in the same document order.
	const src = [svg, ...Array.from(svg.querySelectorAll('*'))];
	const dst = [clone, ...Array.from(clone.querySelectorAll('*'))];
	for (let i = 0; i < src.length && i < dst.length; i++) {
		const cs = getComputedStyle(src[i]);
		const decl: string[] = [];
		for (const p of STYLE_PROPS) {
			const v = cs.getPropertyValue(p);
			if (v && v !== 'normal' && !(p === 'display' && v === 'inline')) decl.push(`${p}:${v}`);
		}
		dst[i].setAttribute('style', decl.join(';'));
		dst[i].removeAttribute('class');
		dst[i].removeAttribute('tabindex');
	}
	for (const el of Array.from(clone.querySelectorAll('[data-no-export]'))) el.remove();

	const titleBand = opts.title ? 36 : 0;
	const creditBand = opts.credit ? 24 : 0;
	const body = document.createElementNS(SVG_NS, 'g');
	body.setAttribute('transform', `translate(0,${titleBand})`);
	for (const child of Array.from(clone.childNodes)) {
		if (child.nodeName === 'title' || child.nodeName === 'desc') continue;
		body.appendChild(child);
	}
	const bg = document.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', opts.background ?? '#ffffff');
	clone.appendChild(bg);
	if (opts.title) {
		const t = document.createElementNS(SVG_NS, 'text');
		t.setAttribute('x', '8');
		t.setAttribute('y', '24');
		t.setAttribute(
			'style',
			`font-family:${getComputedStyle(svg).fontFamily};font-size:18px;font-weight:600;fill:#1b2430`
		);
		t.textContent = opts.title;
		clone.appendChild(t);
	}
	clone.appendChild(body);
	const fullH = height + titleBand + creditBand;
	if (opts.credit) {
		const t = document.createElementNS(SVG_NS, 'text');
		t.setAttribute('x', '8');
		t.setAttribute('y', String(fullH - 8));
		t.setAttribute('style', `font-family:${getComputedStyle(svg).fontFamily};font-size:12px;fill:#5b6675`);
		t.textContent = opts.credit;
		clone.appendChild(t);
	}
	clone.setAttribute('xmlns', SVG_NS);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(fullH));
	clone.setAttribute('viewBox', `0 0 ${width} ${fullH}`);
	clone.removeAttribute('aria-labelledby');
	clone.removeAttribute('role');
	const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
	return { text, width, height: fullH };
}

/** Download the chart as an SVG file. */
export function exportSvg(svg: SVGSVGElement, filename: string, opts: ExportOptions = {}): void {
	const { text } = serializeSvg(svg, opts);
	downloadBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), filename, 'svg');
}

/** Download the chart as a PNG at `scale` times its on-screen size (2 = sharp on slides and in print). */
export async function exportPng(
	svg: SVGSVGElement,
	filename: string,
	scale = 2,
	opts: ExportOptions = {}
): Promise<void> {
	const { text, width, height } = serializeSvg(svg, opts);
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		img.decoding = 'async';
		await new Promise<void>((ok, fail) => {
			img.onload = () => ok();
			img.onerror = () => fail(new Error('The chart could not be drawn as an image.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw on a canvas.');
		ctx.fillStyle = opts.background ?? '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
		if (!blob) throw new Error('The PNG could not be made.');
		downloadBlob(blob, filename, 'png');
	} finally {
		URL.revokeObjectURL(url);
	}
}
