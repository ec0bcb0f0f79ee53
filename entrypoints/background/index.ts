import { browser } from 'wxt/browser';
import { analyzeSnapshot } from '@/engine/analyze';
import { type ContentProtocol, typedSender } from '@/utils/protocol';
import { toolbarAction } from '@/utils/platform';
import { getCorrections } from '@/utils/corrections';
import { createBackground, forwardCommand } from './tabs';
import { warmUp } from './warm-up';

export default defineBackground(() => {
  const action = toolbarAction();
  const send = (tabId: number) => typedSender<ContentProtocol>((request) => browser.tabs.sendMessage(tabId, request));
  const background = createBackground({
    extensionId: browser.runtime.id,
    pagesUrl: browser.runtime.getURL('/'),
    analyze: analyzeSnapshot,
    corrections: async (host) => (await getCorrections())[host] ?? [],
    send: (tabId, request) => send(tabId)(request),
    setBadge: (tabId, badge) => {
      void action.setBadgeText({ tabId, text: badge.text }).catch(() => {});
      if (badge.text) void action.setBadgeBackgroundColor({ tabId, color: badge.color }).catch(() => {});
    },
  });

  // A listener that returns a promise gets no answer in Chrome: answer through sendResponse, and
  // claim only our own messages, so that other listeners (the popup's) still get theirs.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!background.accepts(message, sender)) return undefined;
    background.handleMessage(message, sender).then(sendResponse, () => sendResponse(null));
    return true;
  });
  browser.runtime.onConnect.addListener((port) => background.connect(port));
  browser.tabs.onUpdated.addListener((tabId, change) => background.tabUpdated(tabId, change));
  browser.tabs.onRemoved.addListener((tabId) => background.tabRemoved(tabId));
  browser.commands.onCommand.addListener((command, tab) =>
    forwardCommand(command, tab?.id, {
      activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
      send: (tabId, request) => browser.tabs.sendMessage(tabId, request),
    }),
  );
  warmUp(analyzeSnapshot);
});
