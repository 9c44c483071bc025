// jstat ships no type declarations; these are the distribution functions this library uses.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
  }
  const jStat: {
    centralF: Distribution;
    studentt: Distribution;
  };
  export default jStat;
}
