// Draws the procedure's flowchart from the deployed BPMN with the bundled bpmn-js viewer. Without JavaScript the page
// still lists the steps in words; this only adds the picture.
(function () {
  'use strict';
  var containers = document.querySelectorAll('[data-diagram-url]');
  if (!containers.length || typeof BpmnJS === 'undefined') {
    return;
  }
  containers.forEach(function (container) {
    var status = document.getElementById(container.getAttribute('aria-describedby'));
    function fail() {
      container.hidden = true;
      if (status) { status.textContent = '流程图暂时无法显示，请参阅上方的办理步骤。'; }
    }
    fetch(container.getAttribute('data-diagram-url'), { headers: { Accept: 'application/xml' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.text();
      })
      .then(function (xml) {
        // the viewer measures its container: show it before drawing
        container.hidden = false;
        var viewer = new BpmnJS({ container: container });
        return viewer.importXML(xml).then(function () {
          viewer.get('canvas').zoom('fit-viewport', 'auto');
          if (status) { status.textContent = '流程图已加载，可拖动画面、用滚轮缩放查看。'; }
        });
      })
      .catch(fail);
  });
})();
