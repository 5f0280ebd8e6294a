export {
  experimentSchema,
  parseExperiment,
  parseExperimentJson,
  probeMetrics,
  faultKinds,
  type Experiment,
  type ExperimentInput,
  type Probe,
  type FaultAction,
  type InjectedFault,
  type Rollback,
  type ParsedExperiment,
} from './experiment-schema.ts';
export { probeValue, withinTolerance, WindowRecorder, type WindowMeasurement } from './window-measurement.ts';
export {
  ExperimentEvaluator,
  verdictExitCode,
  describeVerdict,
  type ExperimentPhase,
  type ProbeReading,
  type WindowVerdict,
  type AbortOrder,
  type Verdict,
} from './experiment-evaluator.ts';
