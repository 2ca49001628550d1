import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useHandWrittenRows } from './hand-written-rows';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { useVirtualRows } from '../../../renderer/src/app/virtual-rows';

// The same 10,000 queue-like rows, measured alike (mount, scrolling: rows for the new position in
// the page, keyboard selection) in three virtualisers: the console's (renderer/src/app), raw
// @tanstack/react-virtual, and the hand-written one the console had before (the baseline).

const params = new URLSearchParams(location.search);
const IMPL = params.get('impl') ?? 'own';
const N = Number(params.get('rows') ?? 10_000);
const ROW = 64;
const items = Array.from({ length: N }, (_, i) => ({
  id: `AL-${i}`,
  severity: ['Critical', 'High', 'Medium', 'Low'][i % 4],
  type: ['Exclusion zone entered', 'Strap tamper', 'Battery low', 'No communication'][i % 4],
  client: `Klients ${i} · Rīga, skola ${i % 9}`,
  when: `${i % 60} min · paņemšana kavējas ${i % 9}:${String(i % 60).padStart(2, '0')}`,
  who: i % 3 === 0 ? 'referent1' : 'Unclaimed',
}));

function Row({ index, top, selected }: { index: number; top: number; selected: boolean }) {
  const item = items[index]!;
  return (
    <div className="row" data-index={index} aria-selected={selected} style={{ top, height: ROW }}>
      <span>{item.severity}</span>
      <span>
        <strong>{item.type}</strong> {item.client}
      </span>
      <span>{item.when}</span>
      <span>{item.who}</span>
    </div>
  );
}

function Own({ selected, hook }: { selected: number; hook: typeof useVirtualRows }) {
  const { first, last, totalHeight, scroller } = hook(N, ROW, selected);
  const rows = [];
  for (let i = first; i < last; i += 1)
    rows.push(<Row key={i} index={i} top={i * ROW} selected={i === selected} />);
  return (
    <div {...scroller} className="scroller" id="scroller">
      <div style={{ height: totalHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}

function Tanstack({ selected }: { selected: number }) {
  const box = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: N,
    getScrollElement: () => box.current,
    estimateSize: () => ROW,
    overscan: 6,
  });
  useEffect(() => {
    if (selected >= 0) rows.scrollToIndex(selected, { align: 'auto' });
  }, [selected, rows]);
  return (
    <div ref={box} className="scroller" id="scroller">
      <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
        {rows.getVirtualItems().map((row) => (
          <Row
            key={row.index}
            index={row.index}
            top={row.start}
            selected={row.index === selected}
          />
        ))}
      </div>
    </div>
  );
}

let select: (index: number) => void = () => undefined;
function App() {
  const [selected, setSelected] = useState(-1);
  select = setSelected;
  if (IMPL === 'tanstack') return <Tanstack selected={selected} />;
  return (
    <Own selected={selected} hook={IMPL === 'hand-written' ? useHandWrittenRows : useVirtualRows} />
  );
}

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
/** Frames until a row is in the page, in ms from `since` (a row never drawn counts 1 s). */
async function until(index: number, since: number): Promise<number> {
  for (let frames = 0; frames < 60; frames += 1) {
    if (document.querySelector(`[data-index="${index}"]`)) return performance.now() - since;
    await frame();
  }
  return 1000;
}

async function runBench() {
  const started = performance.now();
  flushSync(() => createRoot(document.getElementById('root')!).render(<App />));
  await frame();
  const mount = performance.now() - started;
  const scroller = document.getElementById('scroller')!;
  const scroll: number[] = [];
  let position = 0;
  for (let step = 0; step < 300; step += 1) {
    position = (position + 7_919 * ROW) % (N * ROW - 600);
    const since = performance.now();
    scroller.scrollTop = position;
    scroll.push(await until(Math.floor(position / ROW) + 2, since));
  }
  const selection: number[] = [];
  for (let step = 0; step < 100; step += 1) {
    const index = (step * 7_907) % N;
    const since = performance.now();
    select(index);
    selection.push(await until(index, since));
  }
  return { mount, scroll, selection, rowsInPage: document.querySelectorAll('.row').length };
}

Object.assign(window, { runBench });
