import type { ParamSpec } from '../../../params/params.ts';
import { formatParamValue } from './format-param.ts';
import { sliderScale } from './slider-scale.ts';

export interface ParamControlProps {
  /** DOM id of the control, e.g. `storm-spike-rate` or `storm-b-spike-rate`. */
  readonly id: string;
  /** The kebab-case parameter name: the control's `name`. */
  readonly name: string;
  readonly spec: ParamSpec;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  /** Set when the parameter does not matter under the other values: the control is disabled and this says when it applies. */
  readonly inapplicable?: string;
  /** A slider's: the reader came to it (focus, or the pointer over it), and is likely to move it next. */
  readonly onIntent?: () => void;
}

/**
 * One parameter as a native, labelled control: a range input for numbers,
 * a select for enums, a checkbox for booleans. Native controls come with
 * keyboard use (arrows, Home/End, PageUp/PageDown) and screen-reader
 * semantics that a custom slider would have to rebuild.
 */
export function ParamControl({ id, name, spec, value, onChange, inapplicable, onIntent }: ParamControlProps) {
  const text = inapplicable ?? spec.help;
  const helpId = text ? `${id}-help` : undefined;
  const help = text ? (
    <span className={inapplicable ? 'rl-control__help rl-control__help--inapplicable' : 'rl-control__help'} id={helpId}>
      {text}
    </span>
  ) : null;
  const disabled = inapplicable !== undefined;

  if (spec.kind === 'boolean') {
    return (
      <div className="rl-control rl-control--checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          disabled={disabled}
          checked={value as boolean}
          aria-describedby={helpId}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label htmlFor={id}>{spec.label}</label>
        {help}
      </div>
    );
  }

  if (spec.kind === 'enum') {
    return (
      <div className="rl-control rl-control--select">
        <label htmlFor={id}>{spec.label}</label>
        <select id={id} name={name} disabled={disabled} value={value as string} aria-describedby={helpId} onChange={(e) => onChange(e.currentTarget.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {spec.optionLabels?.[o] ?? o}
            </option>
          ))}
        </select>
        {help}
      </div>
    );
  }

  const scale = sliderScale(spec);
  const shown = formatParamValue(spec, value);
  return (
    <div className="rl-control rl-control--range">
      <label htmlFor={id}>{spec.label}</label>
      <output htmlFor={id} className="rl-control__value" aria-hidden="true">
        {shown}
      </output>
      <input
        type="range"
        id={id}
        name={name}
        disabled={disabled}
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toPosition(value as number)}
        aria-valuetext={shown}
        aria-describedby={helpId}
        onChange={(e) => onChange(scale.fromPosition(Number(e.currentTarget.value)))}
        onFocus={onIntent}
        onPointerEnter={onIntent}
      />
      {help}
    </div>
  );
}
