export interface ReplayTransportProps {
  /** The widget's id: the scrubber is `<id>-t`, named `t` like the URL key. */
  readonly id: string;
  /** Replay time and the run's end, s. */
  readonly t: number;
  readonly end: number;
  /** What the time means, shown and announced with it: "22.0 s, breaker open". */
  readonly readout: string;
  readonly playing: boolean;
  readonly onPlay: () => void;
  readonly onPause: () => void;
  readonly onSeek: (t: number) => void;
  /** Absent when there is no transition that way. */
  readonly onPrevious: (() => void) | undefined;
  readonly onNext: (() => void) | undefined;
}

/** Scrubber step, s: fine enough to place the cursor, coarse enough for arrow keys to move it visibly. */
const SCRUB_STEP = 0.1;

/**
 * Play, pause, step between the breaker's transitions, and a time scrubber:
 * a native range input, so arrows, Page Up/Down and Home/End move through
 * the run and a screen reader hears the time and the breaker's state.
 */
export function ReplayTransport({ id, t, end, readout, playing, onPlay, onPause, onSeek, onPrevious, onNext }: ReplayTransportProps) {
  const scrubberId = `${id}-t`;
  return (
    <div className="rl-replay__transport" role="group" aria-label="Replay">
      <div className="rl-replay__buttons">
        <button type="button" className="rl-replay__play" onClick={playing ? onPause : onPlay}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={onPrevious} disabled={!onPrevious}>
          Previous transition
        </button>
        <button type="button" onClick={onNext} disabled={!onNext}>
          Next transition
        </button>
      </div>
      <div className="rl-control rl-control--range rl-replay__scrubber">
        <label htmlFor={scrubberId}>Replay time</label>
        <output htmlFor={scrubberId} className="rl-control__value" aria-hidden="true">
          {readout}
        </output>
        <input
          type="range"
          id={scrubberId}
          name="t"
          min={0}
          max={end}
          step={SCRUB_STEP}
          value={Math.min(end, Math.max(0, t))}
          aria-valuetext={readout}
          onChange={(e) => onSeek(Number(e.currentTarget.value))}
        />
      </div>
    </div>
  );
}
