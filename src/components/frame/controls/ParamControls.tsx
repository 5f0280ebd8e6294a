import { kebabCase, paramApplies, type ParamSpecs, type ParamValues } from '../../../params/params.ts';
import { appliesWhenText } from './applies-when-text.ts';
import { ParamControl } from './ParamControl.tsx';

export interface ParamControlsProps<S extends ParamSpecs> {
  /** Id prefix of the controls: the widget id for A, `<id>-b` for B. */
  readonly idPrefix: string;
  readonly legend: string;
  readonly specs: S;
  readonly values: ParamValues<S>;
  readonly onChange: <K extends keyof S & string>(name: K, value: ParamValues<S>[K]) => void;
  /** The reader came to the slider of this parameter. */
  readonly onIntent?: (name: keyof S & string) => void;
}

/**
 * Every parameter of a declaration as a control, in declaration order, in
 * one labelled group. A parameter that does not matter under the other
 * values (its `appliesWhen`) is disabled and says when it applies, rather
 * than a slider that moves nothing.
 */
export function ParamControls<S extends ParamSpecs>({ idPrefix, legend, specs, values, onChange, onIntent }: ParamControlsProps<S>) {
  return (
    <fieldset className="rl-controls">
      <legend>{legend}</legend>
      {Object.entries(specs).map(([name, spec]) => (
        <ParamControl
          key={name}
          id={`${idPrefix}-${kebabCase(name)}`}
          name={kebabCase(name)}
          spec={spec}
          value={values[name]}
          inapplicable={paramApplies(spec, values) ? undefined : appliesWhenText(spec, specs)}
          onChange={(v) => onChange(name, v as ParamValues<S>[typeof name])}
          onIntent={onIntent && (() => onIntent(name))}
        />
      ))}
    </fieldset>
  );
}
