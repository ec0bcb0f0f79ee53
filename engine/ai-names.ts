import { ALPHABET_LETTER_CLASS, isCjk } from './writing-systems';

/**
 * Names of AI agents in the languages NewsLens reads: the one list both phases use. The DOM phase
 * (notice-candidates.ts) keeps only short elements that name one; the text phase (disclosures.ts)
 * looks for them beside a self-reference and a production verb. Flat alternations of literals and
 * letter runs only, so every scan is linear.
 */

/** Spelled-out names, written in lower case (matched case-insensitively); a trailing `*` takes inflected endings. */
const SPELLED = [
  // en and generic
  'artificial intelligence',
  'automation technology',
  'generative ai',
  'large language model*',
  'language model*',
  'machine learning',
  'machine translation',
  'machine-translated',
  'automatic translation',
  'automated translation',
  'аутоматски превод',
  'automatski prevod',
  'автоматичн* переклад*',
  'automatische übersetzung',
  'machine translated',
  'natural language generation',
  'neural network*',
  // Romance
  'inteligencia artificial',
  'intelligence artificielle',
  'inteligência artificial',
  'intelligenza artificiale',
  'inteligență artificial*',
  'inteligenţă artificial*',
  'intel·ligència artificial',
  'intelixencia artificial',
  'traducción automática',
  'traduction automatique',
  'tradução automática',
  'traduzione automatica',
  'modelo de lenguaje',
  'modèle de langage',
  'modelo de linguagem',
  'modello linguistico',
  // Germanic
  'künstliche* intelligenz',
  'kunstmatige intelligentie',
  'artificiell intelligens',
  'artificiella intelligensen',
  'kunstig intelligens',
  'kunstige intelligens',
  'sprachmodell*',
  'taalmodel*',
  'språkmodell*',
  'maschinell* übersetz*',
  'maschinelle* übersetzung',
  'machinevertaling',
  // Slavic, Baltic, Finnic, Hungarian, Greek, Turkish
  'sztuczn* inteligencj*',
  'uměl* inteligenc*',
  'umel* inteligenci*',
  'umetn* inteligenc*',
  'umjetn* inteligencij*',
  'veštačk* inteligencij*',
  'вештачк* интелигенциј*',
  'изкуствен* интелект*',
  'искусственн* интеллект*',
  'штучн* інтелект*',
  'нейросет*',
  'нейронн* сет*',
  'языков* модел*',
  'мовн* модел*',
  'машинн* перевод*',
  'машинн* переклад*',
  'dirbtin* intelekt*',
  'mākslīg* intelekt*',
  'tekoäly*',
  'tehisaru*',
  'tehisintellekt*',
  'mesterséges intelligenci*',
  'τεχνητ* νοημοσύν*',
  'yapay zek*',
  'хиймэл оюун*',
  // Celtic, Basque, African, South-East Asian, Indic, Middle Eastern, East Asian
  'intleacht shaorga',
  'hintleacht shaorga',
  'adimen artifizial*',
  'akili bandia',
  'kecerdasan buatan',
  'trí tuệ nhân tạo',
  'ปัญญาประดิษฐ์',
  'कृत्रिम बुद्धिमत्ता',
  'कृत्रिम बुद्धि',
  'एआई',
  'কৃত্রিম বুদ্ধিমত্তা',
  'এআই',
  'ਏਆਈ',
  'الذكاء الاصطناعي',
  'بالذكاء الاصطناعي',
  'والذكاء الاصطناعي',
  'ذكاء اصطناعي',
  'نموذج لغوي',
  'نماذج لغوية',
  'هوش مصنوعی',
  'مصنوعی ذہانت',
  'سۈنئىي ئەقىل',
  'בינה מלאכותית',
  '人工智能',
  '人工智慧',
  '人工知能',
  '大模型',
  '大语言模型',
  '大語言模型',
  '语言模型',
  '語言模型',
  '言語モデル',
  '生成ai',
  '机器翻译',
  '機器翻譯',
  '機械翻訳',
  '인공지능',
  '언어 모델',
  '기계 번역',
  // products written in scripts without case
  '豆包',
  '文心一言',
  '通义千问',
  '通義千問',
  '通义',
  '元宝',
  '챗gpt',
];

/** Acronyms and product names, matched as written (case matters: "AI" is an agent, "ai" an Italian word). */
const WRITTEN = [
  'AI',
  'A\\.I\\.',
  'KI',
  'IA',
  'YZ',
  'DI',
  'ИИ',
  'ШІ',
  'ΤΝ',
  'AIGC',
  'GenAI',
  'LLMs?',
  'NLG',
  'ChatGPT',
  'GPT-?\\d[\\w.]*',
  'Claude',
  'Gemini',
  'Copilot',
  'Llama(?: ?\\d[\\w.]*)?',
  'DeepSeek',
  'Mistral',
  'Qwen',
  'Kimi',
  'Grok',
  'Midjourney',
  'DALL[·-]?E',
  'Stable Diffusion',
  'DeepL',
];

const SOUTH_EAST_ASIAN = /\p{Script=Thai}|\p{Script=Khmer}|\p{Script=Lao}|\p{Script=Myanmar}/u;
/** Names in scripts written without spaces (人工智能, 인공지능 aside) stand between letters: no boundary applies. */
const unspaced = (name: string) => SOUTH_EAST_ASIAN.test(name) || [...name].some((ch) => isCjk(ch.codePointAt(0) ?? 0));

const spelled = (word: string) => word.replace(/[.]/g, '\\.').replace(/\*/g, '\\p{L}*');

/** Letters and digits of any script: what may not touch an agent's name on either side. */
const WORD = '\\p{L}\\p{N}';

/**
 * A Latin acronym stands alone or glued to a non-Latin script ("AI生成", "AI-generated"), never
 * inside a Latin word ("OpenAI", "DIY"); spelled names may carry inflected endings.
 */
/** Matched against lower-cased text (the names are written in lower case). */
export const AGENT_SPELLED = new RegExp(
  `(?<![${WORD}])(?:${SPELLED.filter((name) => !unspaced(name))
    .map(spelled)
    .join('|')})(?![${WORD}])|${SPELLED.filter(unspaced).map(spelled).join('|')}`,
  'gu',
);
export const AGENT_WRITTEN = new RegExp(`(?<![A-Za-z0-9À-ɏЀ-ӿͰ-Ͽ])(?:${WRITTEN.join('|')})(?![A-Za-z0-9À-ɏЀ-ӿͰ-Ͽ])`, 'gu');

// Without the boundary lookbehinds, which a scan would try at every position: a prefilter may be
// wider. Spelled names are tested on lower-cased text: V8 builds case-insensitive Unicode classes slowly.
// Nor \p{L}: its set costs V8 ~90 ms to build on first use, paid in the content script of every
// page (the DOM phase runs this test). A test needs no trailing ending, and an ending inside a name
// ("künstlichen Intelligenz") is a run of its alphabet's letters.
const QUICK_SPELLED = new RegExp(
  SPELLED.map((name) =>
    name
      .replace(/\*$/, '')
      .replace(/[.]/g, '\\.')
      .replace(/\*/g, `[${ALPHABET_LETTER_CLASS}]*`),
  ).join('|'),
);
const QUICK_WRITTEN = new RegExp(WRITTEN.join('|'), 'u');

/** The cheap test an element or a sentence passes before any other work: it names an AI agent. */
export function namesAi(text: string): boolean {
  return QUICK_WRITTEN.test(text) || QUICK_SPELLED.test(text.toLowerCase());
}
