// comlink has no "exports" map, so Node's ESM resolver needs the file's real name (.mjs); its types
// are published as dist/esm/node-adapter.d.ts. This maps one to the other.
declare module 'comlink/dist/esm/node-adapter.mjs' {
	export { default } from 'comlink/dist/esm/node-adapter';
}
