export interface PresetOption {
  readonly id: string;
  readonly label: string;
}

export interface PresetPickerProps {
  readonly id: string;
  readonly presets: readonly PresetOption[];
  /** The preset the widget is exactly at, or undefined for "Custom". */
  readonly current: string | undefined;
  readonly onChoose: (id: string) => void;
}

/** A select of the widget's story presets; "Custom" while the settings match none of them. */
export function PresetPicker({ id, presets, current, onChoose }: PresetPickerProps) {
  return (
    <div className="rl-control rl-control--preset">
      <label htmlFor={id}>Preset</label>
      <select id={id} name="preset" value={current ?? ''} onChange={(e) => onChoose(e.currentTarget.value)}>
        <option value="" disabled>
          Custom
        </option>
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </div>
  );
}
