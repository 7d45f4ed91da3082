// Sunlight (record): a dashboard section of Cockpit that opens the whole-process record of any case by its number —
// closed cases too. Cockpit CE lists running process instances only, so without it a supervisor could not read the
// record of a case once it has ended.
import { renderRecord } from './record-tab.js';

export default {
  id: 'sunlight-record-lookup',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,

  render(node) {
    node.innerHTML = '';
    const section = document.createElement('section');
    section.className = 'sunlight-record-lookup';
    section.style.cssText = 'padding: 10px 0;';
    section.innerHTML = '<h3 style="margin-top: 0;">案件全过程记录（含已结案件）</h3>'
      + '<form style="margin-bottom: 10px;"><label for="sunlight-case-key">案件编号</label> '
      + '<input id="sunlight-case-key" name="key" type="text" placeholder="如 CF-2026-00001" maxlength="64" required '
      + 'style="width: 16em;" autocomplete="off"> <button type="submit" class="btn btn-default">查看全过程记录</button></form>';
    const result = document.createElement('div');
    result.className = 'sunlight-record';
    result.style.cssText = 'font-size: 13px;';
    section.appendChild(result);
    node.appendChild(section);
    section.querySelector('form').addEventListener('submit', event => {
      event.preventDefault();
      const key = section.querySelector('input').value.trim();
      if (!key) return;
      result.textContent = '正在读取全过程记录…';
      renderRecord(result, key);
    });
  }
};
