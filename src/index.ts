/**
 * compneuro-rx public API.
 * @packageDocumentation
 */
export {};
