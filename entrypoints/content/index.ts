import { browser } from 'wxt/browser';
import type { PageSnapshot } from '@/engine/model';
import { type BackgroundProtocol, isContentRequest, snapshotMessages, typedSender } from '@/utils/protocol';
import { getSettings, getSiteModes, setSiteMode, watchSettings, watchSiteModes } from '@/utils/settings';
import { watchSiteCorrections } from '@/utils/corrections';
import { snapshotPageSteps } from '@/engine/snapshot';
import { Controller } from './controller';
import { ignorePageStops, isOwnLocationChange } from './guard';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's "a newer copy started" notice by postMessage: every page's message listeners would see it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ctx.onInvalidated(ignorePageStops(window));
    const send = typedSender<BackgroundProtocol>((message) => browser.runtime.sendMessage(message));
    const analyze = async (snapshot: PageSnapshot) => {
      // One message at a time, each encoded in a task of its own; the last one, `analyze`, answers.
      const { parts, analyze } = snapshotMessages(snapshot);
      for (const part of parts) await send(part);
      const findings = await send(analyze);
      if (!findings) throw new Error('the background did not analyse the page');
      return findings;
    };
    const controller = new Controller({
      doc: document,
      engine: { snapshotSteps: snapshotPageSteps, analyze },
      settings: getSettings,
      siteModes: getSiteModes,
      saveSiteMode: setSiteMode,
      sendState: (state) => void send({ type: 'page-state', state }).catch(() => {}),
    });

    // Pages cannot message a content script, but other extensions' pages can try: answer only our own.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return undefined;
      if (message.type === 'page-html') {
        sendResponse(controller.pageHtml());
        return undefined;
      }
      controller.handle(message).then(sendResponse, () => sendResponse(controller.state()));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      controller.disable();
    });
    ctx.onInvalidated(watchSettings((settings) => controller.applySettings(settings)));
    ctx.onInvalidated(watchSiteModes((modes) => controller.applySiteModes(modes)));
    ctx.onInvalidated(watchSiteCorrections(location.hostname, () => controller.correctionsChanged()));
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      if (isOwnLocationChange(event)) controller.locationChanged();
    });
    void controller.start();
  },
});
