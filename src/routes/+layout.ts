// Static site: every page is prerendered; simulations run in the browser's workers.
export const prerender = true;
export const trailingSlash = 'always';
