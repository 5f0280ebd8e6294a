/**
 * Estimated width of a label in px. SVG text cannot be measured during the
 * server render, so layout uses a per-character average for the system sans
 * fonts at the chart's sizes; it errs wide, which only costs a little space.
 */
export function textWidth(text: string, fontSize = 12): number {
  return text.length * fontSize * 0.6;
}

/** Breaks a label into lines that fit `width` (by the same estimate), at spaces; a single overlong word keeps its own line. */
export function wrapText(text: string, width: number, fontSize = 12): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
