// Public API of the Lambda Lab simulation core. Pure: no DOM, timers, clocks or unseeded randomness; runs unchanged
// in Node, a Web Worker and at build time. This file only re-exports. See ./README.md.

// Pricing
export { priceMonthly, isInitBilled } from './pricing/priceMonthly.ts';
export { validatePriceInput, checkProvisionedTime } from './pricing/validatePriceInput.ts';
export { PRICE_RULES, HOURS_IN_MONTH, MAX_MONTHLY_REQUESTS } from './pricing/priceRules.ts';
export { US_EAST_1, INIT_BILLED_SINCE } from './pricing/rates.ts';
export type { Rates, ArchRates, DurationTier, Arch } from './pricing/rates.ts';
export type { PriceInput, Bill, BillLine, Packaging, RuntimeKind, InitBillingRule, SnapStartRuntime } from './pricing/types.ts';
export { tieredCost } from './pricing/tieredCost.ts';

// Engine
export { createSimulation, SimConfigError } from './engine/createSimulation.ts';
export { createSimulationFromResolved } from './engine/createSimulationFromResolved.ts';
export { withSimDefaults } from './engine/withSimDefaults.ts';
export { SIM_DEFAULTS } from './engine/simDefaults.ts';
export { step, runUntil, runEventsUntil, processNext, processedKind, processedSlot, ProcessedKind, PROCESSED_NONE } from './engine/step.ts';
export type { SimEvent, Processed } from './engine/step.ts';
export type { SourceDriver } from './engine/sourceDriver.ts';
export { summarize } from './engine/summarize.ts';
export type { Summary } from './engine/summarize.ts';
export { series } from './engine/series.ts';
export type { Series } from './engine/series.ts';
export { envSpans } from './engine/spans.ts';
export type { EnvSpan, EnvSpans } from './engine/spans.ts';
export { runScenario, runResolvedScenario } from './engine/runScenario.ts';
export type { RunOptions, ScenarioResult } from './engine/runScenario.ts';
export { validateSimConfig } from './engine/validateSimConfig.ts';
export { SIM_RULES, MAX_SIM_SECONDS, MAX_REQUESTS, MAX_RATE } from './engine/simRules.ts';
export { DEFAULT_LIMITS, ENV_TRACE } from './engine/config.ts';
export type { SimConfig, ResolvedSimConfig, TrustedSimConfig, ReusePolicy, InvocationType } from './engine/config.ts';
export type { SimState } from './engine/state.ts';

// Traffic
export { parseTrace } from './traffic/parseTrace.ts';
export { spikeTraffic } from './traffic/types.ts';
export type { Traffic } from './traffic/types.ts';
export { nextArrival, meanRate } from './traffic/nextArrival.ts';

// Import (CloudWatch metrics, console CSV, trace) and planning
export { parseMetrics } from './import/parseMetrics.ts';
export { parseCloudWatchJson } from './import/parseCloudWatchJson.ts';
export { parseConsoleCsv } from './import/parseConsoleCsv.ts';
export { traceToMetrics } from './import/traceToMetrics.ts';
export { seriesRole, ROLE_NAMES } from './import/seriesRole.ts';
export { MAX_IMPORT_BYTES, MAX_IMPORT_PERIODS, MIN_PERIOD_S } from './import/importLimits.ts';
export { isoFromUnix, unixFromCivil } from './import/civilTime.ts';
export type { MetricsTable, ImportResult, SeriesRole, ImportSource } from './import/types.ts';
export { planTraffic, candidateLevels, periodDists } from './plan/planTraffic.ts';
export { planJson } from './plan/planJson.ts';
export type { PlanJson } from './plan/planJson.ts';
export { PLAN_RULES, HOURS_PER_MONTH } from './plan/planRules.ts';
export { PLAN_OPTIONS } from './plan/planTypes.ts';
export type { PlanInput, PlanResult, PlanOption, PlanOptionKey, ReplayCheck } from './plan/planTypes.ts';
export { replayMetrics } from './plan/replayMetrics.ts';
export type { Replay, ReplayOptions } from './plan/replayMetrics.ts';
export { periodModel } from './plan/periodModel.ts';
export { fitLognormal } from './plan/fitLognormal.ts';
export { choosePcSchedule } from './plan/choosePcSchedule.ts';

// Distributions and randomness
export { parseDist, formatDist, DIST_FORMS } from './dist/parseDist.ts';
export { sampleDist, distMean } from './dist/sampleDist.ts';
export type { Dist } from './dist/types.ts';
export { lognormalSigmaFromP90 } from './dist/lognormal.ts';
export { createRng, nextFloat, nextUint32 } from './rng/createRng.ts';
export type { Rng } from './rng/createRng.ts';

// Statistics
export { erlangB } from './stats/erlangB.ts';
export { createLatencyHistogram, recordLatency, quantile } from './stats/latencyHistogram.ts';
export type { LatencyHistogram } from './stats/latencyHistogram.ts';

// Constants (each with its AWS source and "as of" date in the file)
export { INIT_MS, INIT_MS_AS_OF, RUNTIMES, DEFAULT_RUNTIME, defaultInitDist, runtimeKindOf } from './constants/initDurations.ts';
export * from './constants/limits.ts';

// Formatting (locale-independent numbers, money, durations; quoting user input in messages)
export { DASH, formatNumber, formatCount, formatQuantity, formatSignificant, formatPercent, formatCompact } from './format/index.ts';
export { formatUsd, formatCost, formatRate, formatSeconds, formatDuration, quoteInput, escapeInput, QUOTE_MAX_CHARS } from './format/index.ts';

// Validation: the result shape shared by the validators, and the rules tables' shape and readers
export type { FieldError, Validation, NumberSpec } from './validate/fields.ts';
export { expectedNumber } from './validate/fields.ts';
export { expectedOf, defaultsOf, readRule, readOptionalRule, readWithRule, specOf } from './validate/rules.ts';
export type { NumberRule, RuleTable } from './validate/rules.ts';

// Event sources: SQS queues (standard, FIFO, provisioned mode) and Kinesis / DynamoDB streams, as actors in the engine
export { runSqs, runStream } from './sources/runSource.ts';
export { validateSqsConfig, DEFAULT_BATCH_DURATION } from './sources/validateSqsConfig.ts';
export { validateStreamConfig, MAX_POISON_RECORDS } from './sources/validateStreamConfig.ts';
export { createSqsSimulation, createStreamSimulation, bucketSecondsFor } from './sources/createSource.ts';
export { SOURCE_DRIVER } from './sources/dispatch.ts';
export { runSourceUntil } from './sources/runSourceUntil.ts';
export { summarizeSqs, summarizeStream } from './sources/summarizeSource.ts';
export { SQS_RULES } from './sources/sqsRules.ts';
export { STREAM_RULES } from './sources/streamRules.ts';
export * from './sources/limits.ts';
export type { SqsConfig, ResolvedSqsConfig, SqsSummary, SqsSeries, SqsResult, SourceRunOptions, SourceRunInfo, ArrivalProcess } from './sources/types.ts';
export type { StreamConfig, ResolvedStreamConfig, StreamSummary, StreamSeries, StreamResult } from './sources/types.ts';
export type { SourceState } from './sources/sourceState.ts';
export { asyncTimeline } from './sources/asyncTimeline.ts';
export type { AsyncTimelineStep, AsyncTimelineInput } from './sources/asyncTimeline.ts';

// Memory tuning: duration and cost against memory, AWS Lambda Power Tuning import
export { MB_PER_VCPU, MAX_VCPUS, VCPU_STEPS_MB, CPU_MODELS, vcpuAt, cpuCapacity } from './tune/vcpu.ts';
export type { CpuModel } from './tune/vcpu.ts';
export { TUNE_RULES, TUNE_STRATEGIES, DEFAULT_MEMORY_SIZES, MAX_MEMORY_SIZES } from './tune/tuneRules.ts';
export type { TuneStrategy } from './tune/tuneRules.ts';
export { durationAt } from './tune/tuneDuration.ts';
export type { TuneProfile } from './tune/tuneDuration.ts';
export { invocationCost } from './tune/tuneCost.ts';
export type { InvocationCost } from './tune/tuneCost.ts';
export { pickIndex } from './tune/pickStrategy.ts';
export type { Candidate } from './tune/pickStrategy.ts';
export { fitProfile } from './tune/fitProfile.ts';
export type { ProfileFit } from './tune/fitProfile.ts';
export { validateTuneInput, ARCHES, MEMORY_SIZES_EXPECTED } from './tune/validateTuneInput.ts';
export type { TuneInput } from './tune/validateTuneInput.ts';
export { evaluateTuning, pricePoints, modelDurations } from './tune/evaluateTuning.ts';
export type { TunePoint, TuneFit, TuneResult, MeasuredRow } from './tune/evaluateTuning.ts';
export { decodeBase64 } from './tune/decodeBase64.ts';
export { encodeBase64, encodeVisualizationHash } from './tune/encodeVisualizationHash.ts';
export { parsePowerTuning } from './tune/parsePowerTuning.ts';
export type { PowerTuningResults, MeasuredPoint, PowerTuningParse } from './tune/parsePowerTuning.ts';
