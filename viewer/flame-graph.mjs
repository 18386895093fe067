// The browser side of rust-perf's flame graphs, bundled with d3-flame-graph into every HTML
// file (scripts/bundle.mjs): it reads the tree from the page's JSON and draws it.
import flamegraph from 'd3-flame-graph';
import { select } from 'd3-selection';

const { title, event, differential, tree } = JSON.parse(
  document.getElementById('flame-data').textContent,
);
const count = (value) => value.toLocaleString('en-US');
const signed = (value) => (value > 0 ? `+${count(value)}` : count(value));

/** The tooltip: a frame's name, its inclusive cost and, against the base, how that changed. */
function label(node) {
  const frame = node.data;
  const lines = [frame.name];
  if (differential) {
    const change = frame.value - frame.base;
    const percent =
      frame.base === 0 ? '' : ` (${signed(Math.round((1000 * change) / frame.base) / 10)}%)`;
    lines.push(
      `base: ${count(frame.base)} ${event}`,
      `head: ${count(frame.value)} ${event}`,
      `change: ${signed(change)} ${event}${percent}`,
      `self: ${count(frame.selfBase)} → ${count(frame.self)} ${event}`,
    );
  } else {
    lines.push(`${count(frame.value)} ${event}`, `self: ${count(frame.self)} ${event}`);
  }
  return lines.join('\n');
}

/** Red where the frame's own cost grew, blue where it shrank, the deeper the more it changed. */
function colour(node) {
  if (node.highlight) return '#e600e6';
  const { self, selfBase } = node.data;
  if (!differential || self === selfBase) return 'rgb(224,224,224)';
  const share = Math.min(1, Math.abs(self - selfBase) / Math.max(self, selfBase));
  const light = Math.round(200 * (1 - share));
  return self > selfBase ? `rgb(255,${light},${light})` : `rgb(${light},${light},255)`;
}

document.title = title;
const chart = flamegraph()
  .width(Math.max(800, window.innerWidth - 32))
  .cellHeight(18)
  .transitionDuration(0)
  .minFrameSize(1)
  .sort(true)
  .title('')
  .setLabelHandler(label)
  .setColorMapper(colour);
select('#chart').datum(tree).call(chart);
