/** A small dependency-free SVG bar chart: groups of bars with labels. */
export interface BarGroup {
  label: string;
  bars: { name: string; value: number; note?: string }[];
}

const COLORS = ['#4C78A8', '#F58518', '#54A24B', '#B279A2'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function barPanel(
  title: string,
  unit: string,
  groups: BarGroup[],
  x: number,
  width: number,
  height: number,
  reference?: { label: string; value: number },
): string {
  const top = 40;
  const bottom = height - 60;
  const max = Math.max(...groups.flatMap((group) => group.bars.map((bar) => bar.value)), reference?.value ?? 0) * 1.15 || 1;
  const scale = (value: number) => bottom - ((bottom - top) * value) / max;
  const groupWidth = (width - 60) / groups.length;
  const parts = [`<text x="${x + width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`];
  parts.push(`<line x1="${x + 50}" y1="${bottom}" x2="${x + width - 10}" y2="${bottom}" stroke="#333"/>`);
  parts.push(`<text x="${x + 12}" y="${top - 8}" font-size="11">${escape(unit)}</text>`);
  groups.forEach((group, g) => {
    const gx = x + 55 + g * groupWidth;
    const barWidth = (groupWidth - 20) / group.bars.length;
    group.bars.forEach((bar, b) => {
      const bx = gx + b * barWidth;
      const y = scale(bar.value);
      parts.push(
        `<rect x="${bx}" y="${y}" width="${barWidth - 4}" height="${bottom - y}" fill="${COLORS[b % COLORS.length]}"><title>${escape(`${group.label} ${bar.name}: ${bar.value}`)}</title></rect>`,
      );
      parts.push(
        `<text x="${bx + (barWidth - 4) / 2}" y="${y - 4}" text-anchor="middle" font-size="10">${escape(bar.note ?? String(bar.value))}</text>`,
      );
    });
    parts.push(
      `<text x="${gx + (groupWidth - 20) / 2}" y="${bottom + 16}" text-anchor="middle" font-size="11">${escape(group.label)}</text>`,
    );
  });
  const names = groups[0]?.bars.map((bar) => bar.name) ?? [];
  names.forEach((name, i) => {
    parts.push(`<rect x="${x + 55 + i * 120}" y="${height - 30}" width="10" height="10" fill="${COLORS[i % COLORS.length]}"/>`);
    parts.push(`<text x="${x + 69 + i * 120}" y="${height - 21}" font-size="10">${escape(name)}</text>`);
  });
  if (reference) {
    const y = scale(reference.value);
    parts.push(`<line x1="${x + 50}" y1="${y}" x2="${x + width - 10}" y2="${y}" stroke="#d62728" stroke-dasharray="5,4"/>`);
    parts.push(
      `<text x="${x + width - 12}" y="${y - 4}" text-anchor="end" font-size="10" fill="#d62728">${escape(reference.label)}</text>`,
    );
  }
  return parts.join('\n');
}

export function svgDocument(width: number, height: number, panels: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${panels.join('\n')}\n</svg>\n`;
}
