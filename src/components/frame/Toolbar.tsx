import { PresetPicker, type PresetOption } from './controls/PresetPicker.tsx';

export interface ToolbarProps {
  readonly id: string;
  readonly presets: readonly PresetOption[];
  readonly preset: string | undefined;
  readonly onPreset: (id: string) => void;
  readonly compare: boolean;
  readonly onCompare: (on: boolean) => void;
  readonly onReset: () => void;
  readonly onDownloadSvg: () => void;
  readonly onDownloadCsv: () => void;
}

/** Presets, compare, reset and downloads: the same row of tools on every widget. */
export function Toolbar(p: ToolbarProps) {
  return (
    <div className="rl-toolbar">
      {p.presets.length > 0 ? <PresetPicker id={`${p.id}-preset`} presets={p.presets} current={p.preset} onChoose={p.onPreset} /> : null}
      <div className="rl-toolbar__buttons">
        <button type="button" aria-pressed={p.compare} onClick={() => p.onCompare(!p.compare)}>
          Compare A/B
        </button>
        <button type="button" onClick={p.onReset}>
          Reset
        </button>
        <button type="button" onClick={p.onDownloadSvg}>
          Download SVG
        </button>
        <button type="button" onClick={p.onDownloadCsv}>
          Download CSV
        </button>
      </div>
    </div>
  );
}
