import { browser } from 'wxt/browser';
import type { PageSnapshot, TextAnalysis } from '@/utils/analysis';
import { joinAnalysis, snapshotPage } from '@/utils/analyze';
import { type BackgroundRequest, isContentRequest } from '@/utils/messages';
import { getSettings, getSiteModes, setSiteMode, watchSettings, watchSiteModes } from '@/utils/settings';
import { Controller } from './controller';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const send = (message: BackgroundRequest): Promise<unknown> => browser.runtime.sendMessage(message);
    const analyze = async (snapshot: PageSnapshot): Promise<TextAnalysis> => {
      const text = (await send({ type: 'analyze', snapshot })) as TextAnalysis | undefined;
      if (!text) throw new Error('the background did not analyse the page');
      return text;
    };
    const controller = new Controller({
      doc: document,
      engine: { snapshotPage, joinAnalysis, analyze },
      settings: getSettings,
      siteModes: getSiteModes,
      saveSiteMode: setSiteMode,
      sendState: (state) => void send({ type: 'page-state', state }).catch(() => {}),
    });

    // Pages cannot message a content script, but other extensions' pages can try: answer only our own.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return undefined;
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
    ctx.addEventListener(window, 'wxt:locationchange', () => controller.locationChanged());
    void controller.start();
  },
});
