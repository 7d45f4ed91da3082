/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Sunlight: a Chinese browser loads zh.json alone (it has every key, WebappTranslationTests). With 'en' as its
// fallback the webapp would load en.json too, and whichever of the two arrives last sets moment's locale: dates such
// as "in 12 days" would turn English at random.
const chinese = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .toLowerCase().split('-')[0] === 'zh';

export default {
  // Sunlight: offer Simplified Chinese (zh.json, shipped by Sunlight) to browsers whose
  // first language is zh-*; every other browser falls back to English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: chinese ? 'zh' : 'en'
  },
  // Sunlight: Chinese for the English texts form-js and its date picker write themselves (sunlight/chinese-forms.js),
  // and the "证据材料" tab of a task (record: sunlight/evidence-tab.js, an ES module plugin), and the "办案申请"
  // tab (sunlight/case-requests-tab.js): 先行登记保存 and 回避 on a general penalty case's task (行政处罚法第五十六条、
  // 第四十三条), the extension of the legal review's period on the review task (RULES 1.19).
  customScripts: ['sunlight/chinese-forms', 'sunlight/evidence-tab', 'sunlight/precheck-tab', 'sunlight/case-requests-tab'],
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
