// burdenshare web app: the little script there is (shipped in the package, nothing fetched).
"use strict";
// The access token in the printed address has set its cookie: drop it from the address bar.
(function () {
  var url = new URL(window.location.href);
  if (url.searchParams.has("token")) {
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
})();

document.addEventListener("DOMContentLoaded", function () {
  // A problem's "line N" puts the editor's cursor on that line.
  var editor = document.getElementById("editor");
  document.querySelectorAll("a.goto").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (!editor) return;
      var line = parseInt(link.dataset.line, 10);
      var lines = editor.value.split("\n");
      var start = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
      var end = start + (lines[line - 1] || "").length;
      editor.focus();
      editor.setSelectionRange(start, end);
      var height = editor.scrollHeight / Math.max(lines.length, 1);
      editor.scrollTop = Math.max(0, (line - 5) * height);
    });
  });

  // Hover a frontier point: its terms under the chart.
  var readout = document.getElementById("frontier-terms");
  document.querySelectorAll("#frontier [data-terms]").forEach(function (point) {
    point.addEventListener("mouseenter", function () {
      if (readout) readout.textContent = point.dataset.terms;
      point.classList.add("on");
    });
    point.addEventListener("mouseleave", function () { point.classList.remove("on"); });
  });

  // A Monte Carlo job: poll its progress until it ends; cancel without leaving the page.
  var job = document.getElementById("job");
  if (job) {
    var id = job.dataset.job;
    var bar = document.getElementById("mc-progress");
    var finished = ["done", "cancelled", "failed"];
    var show = function (state) {
      job.dataset.state = state.state;
      bar.max = state.runs;
      bar.value = state.done;
      document.getElementById("mc-state").textContent = state.state;
      document.getElementById("mc-done").textContent = state.done.toLocaleString("en");
      document.getElementById("mc-seconds").textContent = state.seconds;
      if (state.error) {
        var error = document.getElementById("mc-error");
        error.textContent = state.error;
        error.hidden = false;
      }
      if (state.experiment && finished.indexOf(state.state) >= 0) {
        var link = document.getElementById("mc-experiment");
        link.textContent = state.experiment;
        link.href = "/experiments/" + state.experiment;
        document.getElementById("mc-result").hidden = false;
      }
      document.getElementById("mc-cancel").disabled = finished.indexOf(state.state) >= 0;
      return finished.indexOf(state.state) < 0;
    };
    var poll = function () {
      fetch("/api/jobs/" + id, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (state) { if (show(state)) setTimeout(poll, 400); });
    };
    document.getElementById("mc-cancel-form").addEventListener("submit", function (event) {
      event.preventDefault();
      fetch("/montecarlo/job/" + id + "/cancel", {
        method: "POST", credentials: "same-origin", headers: { Accept: "application/json" }
      }).then(function (r) { return r.json(); }).then(show);
    });
    if (finished.indexOf(job.dataset.state) < 0) poll();
    else show({ state: job.dataset.state, runs: bar.max, done: bar.value, seconds: document.getElementById("mc-seconds").textContent });
  }
});
