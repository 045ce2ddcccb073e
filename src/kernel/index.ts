/**
 * The public surface of the kernel model. Everything outside src/kernel imports from here.
 */
export * from './abi.ts';
export type * from './view.ts';
