import { PresetPicker, type PresetOption } from './controls/PresetPicker.tsx';
import { CopyLink } from './CopyLink.tsx';

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
  /** The widget's link in its current state, for "Copy link". */
  readonly link: () => string;
}

/** Presets, compare, reset, downloads and the widget's link: the same row of tools on every widget. */
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
        <CopyLink id={p.id} link={p.link} />
      </div>
    </div>
  );
}
