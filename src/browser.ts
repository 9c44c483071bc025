/**
 * What both entries export: everything that runs in Node and in browsers without DOM types.
 * The browser entry (`compneuro-rx/browser`, `browser-entry.ts`) adds live plots, the Node
 * entry (`compneuro-rx`, `index.ts`) adds writing figure files.
 * @packageDocumentation
 */

// language: the ANNarchy description language
export { Neuron, analyseNeuron, type NeuronOptions } from './language/neuron.js';
export { Synapse, defaultSpikingSynapse, defaultRateSynapse, type SynapseOptions, type SynapseKernelSourceOptions } from './language/synapse.js';
export { Constant, getConstant, listConstants } from './language/constant.js';
export { addFunction, functions } from './language/global-functions.js';
export { ModelError, ModelDescriptionError, type ModelSection } from './language/model-error.js';
export { generatePopulationKernels, type PopulationKernels } from './language/population-codegen.js';
export { generateSynapseKernels, type SynapseKernels } from './language/synapse-codegen.js';
export { analyseSynapse, type SynapseIR } from './language/analyse-synapse.js';
export type { NeuronIR, DescriptionIR, EquationInfo, VariableInfo, ParameterInfo, RandomInfo, NumericalMethod, Locality } from './language/description.js';
export type { PopulationKernelState } from './language/kernel-state.js';

// engine: ANNarchy 4.7.3 semantics
export { Network, type SetupOptions, type ResetOptions, type NetworkSimulateOptions } from './engine/network.js';
export { setDefaultProgressReporter, type ProgressInfo, type ProgressReporter, type ProgressOption } from './engine/progress.js';
export { Population, type Geometry, type PopulationOptions } from './engine/population.js';
export { PopulationView } from './engine/population-view.js';
export { IndividualNeuron } from './engine/individual-neuron.js';
export { Projection, type ProjectionEndpoint, type ProjectionOptions } from './engine/projection.js';
export { Dendrite, SynapseAccess } from './engine/dendrite.js';
export { LILConnectivity } from './engine/connectors/lil-connectivity.js';
export { Monitor, type MonitorOptions, type Recordable } from './engine/monitor.js';
export type { MonitorTimes } from './engine/monitor.js';
export { GLOBAL_OPERATIONS, type GlobalOperation } from './language/expression.js';
export { SpikeSourceArray, type SpikeSourceArrayOptions } from './engine/special/spike-source-array.js';
export { PoissonPopulation, type PoissonPopulationOptions } from './engine/special/poisson-population.js';
export { TimedArray, type TimedArrayOptions } from './engine/special/timed-array.js';
export { TimedPoissonPopulation, type TimedPoissonPopulationOptions } from './engine/special/timed-poisson-population.js';
export { HomogeneousCorrelatedSpikeTrains, rectify, type HomogeneousCorrelatedSpikeTrainsOptions } from './engine/special/homogeneous-correlated-spike-trains.js';
export { CurrentInjection } from './engine/special/current-injection.js';
export { DecodingProjection, type DecodingProjectionOptions } from './engine/special/decoding-projection.js';
export { Copy, type CopyOptions } from './engine/special/copy-projection.js';
export { Convolution, type ConvolutionOptions, type ConnectFilterOptions } from './engine/special/convolution.js';
export { Pooling, type PoolingOptions, type ConnectPoolingOptions } from './engine/special/pooling.js';
export { SharedProjection, type SharedProjectionOptions } from './engine/special/shared-projection.js';
export { ConvolutionError } from './engine/special/convolution-error.js';
export type { FilterWeights, NestedNumbers } from './engine/special/filter-weights.js';
export { enableLearning, disableLearning, type EnableLearningOptions } from './engine/learning.js';
export { captureNetworkState, restoreNetworkState, type NetworkState, type NetworkStateMeta, type ProjectionStateMeta, type StateArray } from './engine/network-state.js';
export { reportMarkdown, type ReportOptions } from './engine/report.js';
export { every, callbacksEnabled, enableCallbacks, disableCallbacks, clearAllCallbacks, type EveryOptions, type SimulationCallback } from './engine/callbacks.js';
export {
  setup, setSeed, compile, simulate, simulateUntil, step, reset, getTime, setTime, getCurrentStep, setCurrentStep, dt,
  getPopulation, getProjection, populations, projections, clear,
} from './engine/global-functions.js';
export { currentNetwork } from './engine/magic-network.js';
// setup({ numThreads }): the entries register how threads start (issue 17)
export { provideThreadSpawner, type KernelThreadSpawner, type KernelThread } from './engine/threads/thread-host.js';
export {
  rasterPlot, histogram, populationRate, smoothedRate, meanFr, interSpikeInterval, coefficientOfVariation,
} from './engine/spike-analysis.js';
export {
  MT19937, NumpyRandomState, RandomDistribution, Uniform, DiscreteUniform, Normal, LogNormal, Exponential, Gamma, Binomial,
} from './engine/random/index.js';

// stream: simulations as Observables
export { simulate$, withProtocol, runSync, SimulationObservable, type SimulateOptions } from './stream/simulate.js';
export { SimulationFrame } from './stream/simulation-frame.js';
export { SegmentProtocol, type Protocol, type BoundProtocol, type ProtocolSegment, type PopulationRef } from './stream/protocol.js';
export { installNetworkSimulate$ } from './stream/network-simulate.js';

// operators: stimulation protocols
export * from '../operators/index.js';

// monitors: CompNeuroMonitors, chunks, recording times, tables
export { CompNeuroMonitors, type CompNeuroMonitorsOptions, type CompNeuroMonitorsResetOptions } from './monitors/comp-neuro-monitors.js';
export { RecordingTimes, type LimsOptions, type CombineFill, type CombineMode } from './monitors/recording-times.js';
export { RecordedArray } from './monitors/recorded-array.js';
export type { Recordings, RecordingChunk, RecordingValue, SpikeDict, ParameterDict, RecordingTimesChunk, CompartmentTimes, PeriodLimits } from './monitors/recordings.js';
export { recordingsTable, recordingsWideTable, spikesTable, tableToArrowIPC, tableFromArrowIPC, type TableSelection } from './monitors/recording-tables.js';

// analysis: CompNeuroPy's analysis functions
export { myRasterPlot } from './analysis/raster.js';
export { getPopRate, type GetPopRateOptions } from './analysis/pop-rate.js';
export { getNumberOfDecimals, getNumberOfZeroDecimals } from './analysis/number-of-decimals.js';
export { timeDataFillGaps } from './analysis/time-data-fill-gaps.js';
export { getMinimum, getMaximum } from './analysis/minimum-maximum.js';
export { getNanmean, getNanstd } from './analysis/nan-stats.js';
export { rmse, rsse } from './analysis/rmse.js';
export { sampleDataWithTimestep } from './analysis/sample-data-with-timestep.js';
export { sci, pyPrint, pyFloat } from './analysis/python-format.js';

// plot: Vega-Lite specs (rendering to files lives in the Node entry)
export { buildPlotSpec, type PlotPlan, type PlotFormat, type PlotSpecOptions, type PlotSpecResult } from './plot/plot-spec.js';
export type { VegaLiteSpec } from './plot/vega-lite-spec.js';
export { renderSvg } from './plot/render-svg.js';
export { decimateM4 } from './plot/decimate.js';

// experiment: CompNeuroPy's framework
export { CompNeuroModel, type CompNeuroModelOptions } from './experiment/comp-neuro-model.js';
export { CompNeuroExp, ExperimentResults, type ExperimentResetOptions } from './experiment/comp-neuro-exp.js';
export { CompNeuroSim, type CompNeuroSimOptions, type Requirement } from './experiment/comp-neuro-sim.js';
export { SimInfo } from './experiment/sim-info.js';
export { ReqPopHasAttr, reqPopAttr } from './experiment/requirements.js';
export { captureModelState, deriveModelState, applyModelState, type ModelState } from './experiment/model-state.js';
export { getFullModel, annarchyCompiled } from './experiment/model-functions.js';
export { deepCopy } from './experiment/deep-copy.js';

// models: CompNeuroPy's model library
export * from './models/index.js';
// models: ANNarchy's built-in models
export * from './models/annarchy/index.js';
export { HHmodelBischop, HHmodelCorbit, type HHSinglePopOptions } from './models/full/hh-single-pop-models.js';

export { experiment$, resetStage, startMonitorsStage, simulationStage, actionStage, type ExperimentStage, type ExperimentEvent } from './experiment/experiment-pipeline.js';
export { cnpClear } from './experiment/comp-neuro-model.js';

// analysis (issue 13): power spectra, spike and eFEL features
export {
  getPopulationPowerSpectrum, getPowerSpectrumFromTimeArray, getPowerSpektrumFromTimeArray, hanning, fftfreq, hanningSplitOverlap,
  type PowerSpectrum, type PopulationPowerSpectrumOptions, type TimeArrayPowerSpectrumOptions,
} from './analysis/power-spectrum.js';
export {
  getSpikeFeaturesOfChunk, getSpikeFeaturesLossOfChunk, type SpikeFeatures, type SpikeFeatureName, type SpikeFeatureResults, type SpikeFeaturesLossOptions,
} from './analysis/spike-features.js';
export { getEfelFeatures, efelInterpolate, EFEL_FEATURES, type EfelTrace, type EfelFeature, type EfelSettings } from './analysis/efel-features.js';
export { efelLoss } from './analysis/efel-loss.js';
export { levene, oneWayAnova, welchAnova, pairwiseTTests, fdrBh, groupBy, type AnovaRow, type WelchAnovaRow, type PairwiseRow, type LeveneResult, type GroupedData, type DataFrameLike } from './analysis/anova.js';
export { evaluateExpressionWithDict, type ExpressionValue } from './analysis/evaluate-expression-with-dict.js';
export { recordingTimesCl } from './monitors/recording-times.js';

// experiment extras (CompNeuroPy's extra_functions and model_functions, issue 13)
export { simulationInfoCl } from './experiment/sim-info.js';
export { compileInFolder, type CompileInFolderOptions } from './experiment/compile-in-folder.js';
export { printDf, formatDf } from './experiment/extra/print-df.js';
export { flattenList } from './experiment/extra/flatten-list.js';
export { removeKey } from './experiment/extra/remove-key.js';
export { Cmap, createCm, toRgba, type Colormap, type RGBA, type ColorSpec, type CreateCmOptions } from './experiment/extra/cmap.js';
export { DecisionTree, DecisionTreeNode, type PathProd } from './experiment/extra/decision-tree.js';
export { RNG } from './experiment/extra/rng.js';
export { findXBound, brentq, type FindXBoundOptions } from './experiment/extra/find-x-bound.js';
export { BGM, getBgmParams, type BGMOptions, type BgmParameter } from './models/full/bgm-22/bgm.js';
export { BGM_VERSIONS, type BgmPopulation, type BgmProjection } from './models/full/bgm-22/bgm-versions.js';
export { BGM_PARAMETERS_CSV } from './models/full/bgm-22/bgm-parameters.js';
// recordings as streams: samples$, spikes$, chunks$ (issue 19); importing monitor-streams adds them to Monitor
export { installMonitorStreams, type MonitorChunk } from './monitors/monitor-streams.js';
export { ProducerObservable, StreamSubscriberError } from './stream/producer-observable.js';
export type { SampleBlock, SpikeEvent, SamplesOptions } from './monitors/sample-stream.js';
export type { RecordingChunkEvent } from './monitors/monitors-stream-hub.js';
// recordTo: recordings written as Arrow IPC streams to sinks with backpressure (issue 19)
export { ArrowRecordingEncoder, readArrowRecordings, RECORDING_METADATA_KEY, type RecordingRows, type RecordingStreamMetadata } from './monitors/arrow-recording.js';
export { nodeWritableSink, webWritableSink, toByteSink, RecordingSinkError, type ByteSink, type NodeWritableLike, type StreamSinkOptions } from './monitors/byte-sink.js';
export { addRunGate, runGate, type RunGate } from './stream/run-gate.js';
export { toReadableStream, fromReadableStream, type ReadableAdapterOptions } from './stream/web-streams.js';
// hostile and careless input (issue 18): memory budgets of the engine
export { resourceLimits, setResourceLimits, type ResourceLimits } from './engine/resource-limits.js';

// fit: CMA-ES (deap.cma.Strategy) and DeapCma (runners are Node-only: compneuro-rx)
export { CmaStrategy, checkCmaParams, type CmaStrategyOptions, type CmaStrategyParams, type EvaluatedIndividual } from './fit/cma-strategy.js';
export { DeapCma, type DeapCmaOptions, type DeapCmaResult, type DeapCmaGeneration, type DeapCmaRunOptions, type DeapIndividual, type PopulationEvaluator, type PopulationLosses } from './fit/deap-cma.js';
export { Logbook, lossStatistics, type LogbookRecord } from './fit/logbook.js';
export { logbookPlotSpec } from './fit/logbook-plot.js';
export { getWarmStartMgd, type SourceSolution } from './fit/warm-start.js';
export { setFigureWriter, type FigureWriter } from './fit/figure-writer.js';
// fitting to recorded traces (the playground's fit and its exported scripts)
export { traceRmse } from './fit/trace-rmse.js';
export { parseTraceCsv, traceCsv, TraceCsvError, type Trace } from './fit/trace-csv.js';
// types that public signatures use, exported so that users can name them (and the API reference
// links them); checked by `npm run docs` (TypeDoc's warnings are errors)
export type { AttributeInput } from './engine/attribute-value.js';
export type { DenseMatrix } from './engine/connectors/from-matrix.js';
export type { SparseInput } from './engine/connectors/from-sparse.js';
export type { ConnectorValue } from './engine/connectors/lil-connectivity.js';
export type { GlobalOperations } from './engine/global-operations.js';
export type { NamedParticipant } from './engine/network.js';
export type { AttrMeta } from './engine/population.js';
export type { ConnectOptions, ProjectionAttributeInput } from './engine/projection.js';
export type { MT19937State } from './engine/random/mt19937.js';
export type { NumpyRandomStateState } from './engine/random/numpy-legacy.js';
export type { BoundsOptions, GammaOptions, Shape } from './engine/random/random-distribution.js';
export type { TimedArrayRates } from './engine/special/timed-array.js';
export type { HistogramOptions, RateOptions } from './engine/spike-analysis.js';
export type { Recorder } from './engine/step-participant.js';
export type { NumericInput, Reduced } from './analysis/nan-stats.js';
export type { Series, TimeDataFillGapsOptions } from './analysis/time-data-fill-gaps.js';
export type { ExperimentMonitors } from './experiment/comp-neuro-exp.js';
export type { ChunkSource, RunStreamOptions } from './experiment/comp-neuro-sim.js';
export type { ExperimentPipelineOptions } from './experiment/experiment-pipeline.js';
export type { CompartmentAttributes } from './experiment/model-functions.js';
export type { ReqPopHasAttrOptions, RequirementClass } from './experiment/requirements.js';
export type { EventDrivenInfo, SynapseEventStatement, SynapseOperation, SynapseSource } from './language/analyse-synapse.js';
export type { AttributeType, FunctionInfo } from './language/description.js';
export type { GlobalOpUse } from './language/expression.js';
export type { PopulationKernel, PopulationKernelFactory, WasmMemory } from './language/kernel-state.js';
export type { LocatedStatement, ModelErrorWhere } from './language/model-error.js';
export type { PopulationCodegenOptions } from './language/population-codegen.js';
export type { ProjectionKernelFactory, ProjectionKernelState, SynapseCodegenOptions } from './language/synapse-codegen.js';
export type { CompartmentTiming } from './monitors/comp-neuro-monitors.js';
export type { MonDict } from './monitors/mon-dict.js';
export type { CombinedData } from './monitors/recording-times.js';
export { ARRAY_FORMATS, SPIKE_FORMATS, type PlotLayout } from './plot/plot-spec.js';
export type { RecordingTimesLike } from './plot/recording-times-like.js';
export type { SvgFigure } from './plot/render-svg.js';
export type { LinePathOptions } from './plot/line-items.js';
export type { AttributeSetting } from './stream/protocol.js';
export type { ProtocolSimulationFunction, SimulationFunction } from './stream/simulation-function.js';
export type { DriveOptions } from './stream/step-driver.js';
export type { SimulationConfig } from './stream/simulate.js';
export type { SimEvent } from '../operators/simulation-events.js';
export type { ValueSampler } from './engine/attribute-value.js';
export type { AttributeValues } from './experiment/model-functions.js';
export type { KwargSpec } from './stream/simulation-function.js';
export type { NeighbourAttributes, ProjectionKernel } from './language/synapse-codegen.js';
export type { RecordingTimesQuery } from './plot/recording-times-like.js';
export type { MonitorTap } from './engine/monitor.js';

// DBS stimulation (CompNeuroPy's DBSstimulator, issue 13)
export { DBSstimulator, type DBSstimulatorOptions } from './dbs/dbs-stimulator.js';
export type { DBSonOptions } from './dbs/dbs-settings.js';
export { DBSError } from './dbs/dbs-error.js';
export { DBS_PULSE_FUNCTION, setDbsConstants } from './dbs/dbs-pulse.js';
export { addDbsToNeuron, addDbsToSynapse } from './dbs/dbs-model-terms.js';
export type { ConnectorCall } from './engine/projection.js';
// structural plasticity: synapse pruning/creating conditions
export type { StructuralCondition } from './language/structural-condition.js';
export type { StructuralEnv, StructuralKernel, StructuralKernelFactory } from './language/structural-codegen.js';
export type { StructuralStartOptions } from './engine/structural-conditions.js';
