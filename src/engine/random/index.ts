/** Random-number layer of the engine: ANNarchy 4.7.3's C++ (libstdc++) and Python (numpy legacy) streams. */
export { MT19937, type MT19937State } from './mt19937.js';
export { fma, glibcExp, glibcLog, glibcPow } from './libm.js';
export { lgamma } from './lgamma.js';
export {
  CppBinomialDistribution,
  CppExponentialDistribution,
  CppGammaDistribution,
  CppLognormalDistribution,
  CppNormalDistribution,
  CppSamplerSet,
  CppUniformIntDistribution,
  CppUniformRealDistribution,
  createCppDistribution,
  generateCanonical,
  type CppDistribution,
  type CppDistributionKind,
  type CppDistributionSpec,
} from './cpp-distributions.js';
export { NumpyRandomState, type NumpyRandomStateState } from './numpy-legacy.js';
export {
  Binomial,
  DiscreteUniform,
  Exponential,
  Gamma,
  LogNormal,
  Normal,
  RandomDistribution,
  Uniform,
  availableDistributions,
  distributionsArguments,
  distributionsEquivalents,
  type BoundsOptions,
  type GammaOptions,
  type Shape,
} from './random-distribution.js';
