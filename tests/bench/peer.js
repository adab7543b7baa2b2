// The peer page of the benchmark (tests/bench/peer.py): Recogito
// text-annotator 4.1.1 from its UMD build (the global `RecogitoJS`) with
// W3C annotations (`W3CTextFormat`), the default SPANS renderer and a
// highlight colour per tag. The format is given no container: with one, its
// serializer adds a TextQuoteSelector prefix and suffix by copying the
// article's whole content before and after each annotation (and splitting
// it into graphemes) to keep 10 characters, so that getAnnotations of
// 10,000 annotations on a 1 MB article takes many minutes (peer.py).
//
// `?article=FILE` names a JSON file {text, blocks: [{kind, start, end}]}
// whose offsets are UTF-16 code units (JavaScript string indices). Each
// block becomes an element holding its text, and the text between blocks
// stays as text nodes, so the container's text is `text` exactly: Recogito
// counts its TextPositionSelector offsets over the container's text nodes.
//
// Like an application built on the library, the page binds what the
// library leaves to its host: the "Open annotations" input (read, parse,
// setAnnotations), Ctrl+Z (anno.undo(): the library has undo but no key for
// it) and Ctrl+S (getAnnotations, JSON.stringify, a Blob download).
'use strict';

const { createTextAnnotator, W3CTextFormat } = window.RecogitoJS;
const container = document.getElementById('article');
const ELEMENTS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'pre']);
const COLOURS = { claim: '#f6c343', quote: '#5aa9e6', source: '#7bc67b' };

function show({ text, blocks }) {
  const page = document.createDocumentFragment();
  let at = 0;
  for (const b of blocks) {
    if (b.start > at) page.append(text.slice(at, b.start));
    const el = document.createElement(ELEMENTS.has(b.kind) ? b.kind : 'p');
    el.textContent = text.slice(b.start, b.end);
    page.append(el);
    at = b.end;
  }
  if (at < text.length) page.append(text.slice(at));
  container.append(page);
}

function tagOf(annotation) {
  const body = annotation.bodies.find(b => b.purpose === 'tagging');
  return body ? body.value : 'claim';
}

function download(anno) {
  const json = JSON.stringify(anno.getAnnotations());
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  a.download = 'annotations.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

async function start() {
  const name = new URLSearchParams(location.search).get('article');
  show(await (await fetch(name)).json());
  const anno = createTextAnnotator(container, {
    adapter: W3CTextFormat(location.href),
    style: (a, state) => ({ fill: COLOURS[tagOf(a)] || COLOURS.claim, fillOpacity: state.selected ? 0.5 : 0.3 }),
  });
  const { store } = anno.state;
  const layer = container.querySelector('.r6o-span-highlight-layer');
  // The last annotation created and removed; store changes so far, and how
  // many of them the renderer had seen when it last redrew.
  let created, deleted, changes = 0, drawn = 0;
  store.observe(({ changes: c }) => {
    changes += 1;
    if (c.created && c.created.length) created = c.created[c.created.length - 1].id;
    if (c.deleted && c.deleted.length) deleted = c.deleted[c.deleted.length - 1].id;
  });
  // Recogito redraws in a requestAnimationFrame callback (10 ms after a
  // change) and emits onRedraw from a 1 ms timer queued there, so after the
  // frame that shows the redraw has been painted.
  const redrawn = [];
  anno.renderer.on('onRedraw', () => {
    drawn = changes;
    for (const f of [...redrawn]) f();
  });
  const upToDate = () => drawn === changes;
  const shows = id => !!id && !!layer.querySelector(`[data-annotation="${CSS.escape(id)}"]`);
  const count = () => store.all().length;
  // Whether the layer shows the annotations in view, as the renderer finds
  // them (its own query, over the viewport's bounds in the container).
  const inViewShown = () => {
    const { top, left } = container.getBoundingClientRect();
    const inView = store.getIntersecting(-left, -top, innerWidth - left, innerHeight - top);
    const want = new Set(inView.map(h => h.annotation.id));
    const have = new Set([...layer.children].map(span => span.dataset.annotation));
    return want.size === have.size && [...want].every(id => have.has(id));
  };

  const input = document.querySelector("input[aria-label='Open annotations']");
  input.addEventListener('change', async () => {
    anno.setAnnotations(JSON.parse(await input.files[0].text()), true);
  });
  document.addEventListener('keydown', e => {
    if (!(e.ctrlKey || e.metaKey)) return;
    if (e.key === 'z') {
      e.preventDefault();
      anno.undo();
    } else if (e.key === 's') {
      e.preventDefault();
      download(anno);
    }
  });

  window.__peer = {
    anno,
    count,
    // Conditions on what the page shows, for `whenPainted`: each holds once
    // the renderer has redrawn after the last change of the store.
    conds: {
      // n annotations, and those in view painted.
      imported: n => count() === n && upToDate() && inViewShown(),
      // n annotations, the newest one's highlight painted.
      added: n => count() === n && upToDate() && shows(created),
      // n annotations, the one just removed no longer painted.
      undone: n => count() === n && upToDate() && !!deleted && !shows(deleted),
    },
    // Resolves after the first painted frame in which `done()` holds, as the
    // benchmark's __whenPainted does for our app, but `done` is checked on
    // each onRedraw rather than in requestAnimationFrame callbacks: Recogito
    // paints inside one queued after the poll's, so polling would see each
    // change a frame late.
    whenPainted: done => new Promise(resolve => {
      const check = () => {
        if (!done()) return;
        redrawn.splice(redrawn.indexOf(check), 1);
        setTimeout(() => resolve(performance.now()), 0);
      };
      redrawn.push(check);
    }),
  };
  window.__peerReadyAt = performance.now();
}

start();
