// mathjs ships a single-file bundle; its types are those of the package entry.
declare module 'mathjs/lib/browser/math.js' {
  const math: typeof import('mathjs');
  export default math;
}
