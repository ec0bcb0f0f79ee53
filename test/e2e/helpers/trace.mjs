/**
 * What kept a page's main thread busy, task by task, from a Chromium trace: how much of each task
 * was script other than the page's own, and how much was the browser's style, layout and paint.
 *
 * A trace rather than the page's own probes: Long Animation Frames leave content scripts out of
 * their `scripts[]` (isolated worlds are not attributed) and `longtask` entries leave out tasks
 * run by an extension's content script. Times are CPU time on the page's main thread (`tdur`),
 * which a machine busy with other work stretches far less than wall time.
 */

const CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline'];
const TASK = 'ThreadControllerImpl::RunTask';
const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'v8.callFunction']);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'HitTest']);

/** Starts tracing `page` (before it navigates); `stop()` resolves with the trace's events. */
export async function startTrace(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

/** Sum of `tdur` over the events that no other event of the list contains (the list sorted by start). */
function outermost(list) {
  let end = -1;
  let sum = 0;
  for (const event of list) {
    if (event.ts < end) continue;
    end = event.ts + event.dur;
    sum += event.tdur ?? event.dur;
  }
  return sum;
}

/**
 * The main-thread tasks of the renderer that loaded `pageUrl`, from the page's `console.timeStamp(mark)`
 * on: for each, its start (ms after the mark), wall time (`ms`) and CPU time (`cpuMs`), and in CPU
 * time the page's own script (`pageMs`), all other script (`scriptMs`, with the style and layout
 * it forced) and the browser's style, layout and paint outside any script (`renderMs`).
 */
export function mainThreadTasks(events, pageUrl, mark) {
  const ownsPage = (event) => event.name === 'FunctionCall' || event.name === 'EvaluateScript' ? event.args?.data?.url === pageUrl : false;
  const loaded = events.find((event) => event.name === 'CommitLoad' && event.args?.data?.url === pageUrl);
  if (!loaded) throw new Error(`the trace holds no load of ${pageUrl}`);
  const thread = events
    .filter((event) => event.pid === loaded.pid && event.tid === loaded.tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const from = events.find((event) => event.name === 'TimeStamp' && event.pid === loaded.pid && event.args?.data?.message === mark)?.ts;
  if (from === undefined) throw new Error(`the trace holds no "${mark}" time stamp`);
  const tasks = [];
  let i = 0;
  for (const task of thread) {
    if (task.name !== TASK || task.ts < from || (tasks.length && task.ts < tasks[tasks.length - 1].end)) continue;
    const end = task.ts + task.dur;
    while (i < thread.length && thread[i].ts < task.ts) i++;
    const inside = [];
    for (let k = i; k < thread.length && thread[k].ts < end; k++) if (thread[k] !== task) inside.push(thread[k]);
    const scripts = inside.filter((event) => SCRIPT.has(event.name));
    const inScript = (event) => scripts.some((script) => script.ts <= event.ts && event.ts + event.dur <= script.ts + script.dur);
    const pageMs = outermost(scripts.filter(ownsPage)) / 1000;
    const scriptMs = outermost(scripts) / 1000 - pageMs;
    const renderMs = outermost(inside.filter((event) => RENDER.has(event.name) && !inScript(event))) / 1000;
    tasks.push({ start: (task.ts - from) / 1000, end, ms: task.dur / 1000, cpuMs: (task.tdur ?? task.dur) / 1000, pageMs, scriptMs, renderMs });
  }
  return tasks.map(({ end, ...task }) => task);
}
