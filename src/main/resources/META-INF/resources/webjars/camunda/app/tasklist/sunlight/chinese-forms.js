// Sunlight: Chinese for the texts that form-js 1.8.7 and its date picker (flatpickr) write in English whatever the
// locale — the select placeholder, validation messages, month and weekday names — for a browser whose first language
// is Chinese (the rule Tasklist uses to pick zh.json). Loaded by scripts/config.js (customScripts).
//
// Only the data of existing text nodes (and option labels) is changed, never the nodes: form-js (preact) keeps
// updating the same nodes, so a chosen option or a new message replaces the Chinese text as it would the English.

const language = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();

const EXACT = {
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请填写有效的电子邮箱地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请填写有效的国际电话号码（如 +8602412345678）。'
};
const PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, (n) => `至少填写 ${n} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (n) => `最多填写 ${n} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不能小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不能大于 ${n}。`],
  [/^Field must match pattern (.+)\.$/, () => '格式不正确，请按说明填写。']
];
const MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };

function chinese(text) {
  const trimmed = text.trim();
  if (EXACT[trimmed]) return EXACT[trimmed];
  for (const [pattern, render] of PATTERNS) {
    const m = pattern.exec(trimmed);
    if (m) return render(m[1]);
  }
  return null;
}

function translateTextNodes(root, selector) {
  root.querySelectorAll(selector).forEach((element) => {
    element.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const zh = chinese(node.data);
        if (zh && node.data !== zh) node.data = zh;
      }
    });
  });
}

function translate(root) {
  translateTextNodes(root, '.fjs-select-display, .fjs-form-field-error li, .fjs-dropdownlist-empty');
  root.querySelectorAll('.fjs-container input[placeholder="Search"]').forEach((input) => {
    input.placeholder = EXACT.Search;
  });
  root.querySelectorAll('.flatpickr-monthDropdown-month').forEach((option) => {
    const zh = MONTHS[Number(option.value)];
    if (zh && option.textContent !== zh) option.textContent = zh;
  });
  root.querySelectorAll('.flatpickr-weekday').forEach((day) => {
    const zh = WEEKDAYS[day.textContent.trim()];
    if (zh) day.textContent = zh;
  });
}

if (language.split('-')[0] === 'zh') {
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      translate(document);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  translate(document);
}
